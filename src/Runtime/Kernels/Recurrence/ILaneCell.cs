using System.ComponentModel;

namespace RnnGen.Kernels;

/// <summary>
/// A recurrent direction on a lane kernel that can be made from weights packed for its register width, so
/// <see cref="PathCalibration"/> can build and time the same layer on each width.
/// </summary>
/// <typeparam name="TSelf">The cell type itself.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ILaneCell<TSelf> : IProjectingCell
    where TSelf : struct, ILaneCell<TSelf>
{
    /// <summary>The cell over <paramref name="packedWeights"/> (<see cref="Weights.LanePacking"/> for its width, aligned).</summary>
    static abstract TSelf Create(Weights.WeightSlot packedWeights);
}
