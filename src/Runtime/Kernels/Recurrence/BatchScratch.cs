using System;
using System.ComponentModel;

namespace RnnGen.Kernels;

/// <summary>
/// The scratch of the batched lane kernels, which take it themselves (the model's stackalloc is zeroed unless the
/// user's project allows unsafe code, and zeroing a tile's few KB made a small model's StepBatch 40 % slower):
/// from the stack up to <see cref="ModelLimits.StackScratchFloats"/>, beyond that from native memory, freed on return.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BatchScratch
{
    private const int MaxLanes = KernelScratch.MaxLanes;

    /// <summary>
    /// Streams of an LSTM/GRU layer whose new h the tiled kernel holds at once: 16 up to 256 units, fewer for wider
    /// layers so the new h stays near 4K floats, never fewer than one four-stream register tile.
    /// </summary>
    public static int Panel(int units) => Math.Max(4, Math.Min(16, 4096 / RoundUp(units) / 4 * 4));

    /// <summary>Floats of a tiled LSTM/GRU step: per stream of a panel a new h and four parked sum registers, plus a partial block.</summary>
    public static int TileLength(int units) => (Panel(units) * (RoundUp(units) + (4 * MaxLanes))) + MaxLanes;

    /// <summary>Floats of one single-stream lane-kernel step: the new h, a partial block and eight parked registers.</summary>
    public static int StepLength(int units) => PackedGeometry.StepScratchLengthOf(units, MaxLanes);

    /// <summary>Floats of a SimpleRNN pair step: a new h for each stream of the pair.</summary>
    public static int PairLength(int units) => 2 * RoundUp(units);

    // Units rounded up to whole registers of the widest path: what every per-unit scratch area reserves.
    private static int RoundUp(int units) => PackedGeometry.PaddedUnitsOf(units, MaxLanes);
}
