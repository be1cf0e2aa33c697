using System;
using System.ComponentModel;

namespace RnnGen.Kernels;

/// <summary>A cell whose input half can be computed for many steps at once, before the recurrence.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IProjectingCell : IRecurrentCell
{
    /// <summary>Floats of projection per step.</summary>
    int ProjectionLength { get; }

    /// <summary>Computes the input half of <paramref name="steps"/> consecutive steps.</summary>
    void Project(ReadOnlySpan<float> inputs, int steps, Span<float> projections);

    /// <summary>One step from a precomputed projection: only h·U remains.</summary>
    void Recur(ReadOnlySpan<float> projection, Span<float> state, Span<float> scratch);
}
