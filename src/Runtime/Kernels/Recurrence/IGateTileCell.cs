using System;

namespace RnnGen.Kernels.Batch;

/// <summary>
/// What <see cref="GateTiles{TLanes, TVector, TSizes, TCell}"/> needs to know of a lane-packed cell: how many weight
/// registers a packed row holds, and the cell update that turns one block's four parked sums into new h.
/// </summary>
internal interface IGateTileCell : IPacking
{
    /// <summary>The kernel's name in messages, e.g. <c>batched LSTM</c>.</summary>
    static abstract string Name { get; }

    /// <summary>Floats of one stream's state: the kernel reads h at its start.</summary>
    static abstract int StateLength { get; }

    /// <summary>
    /// The single-stream kernel's cell update of block <paramref name="block"/> from the four sums parked at
    /// <paramref name="sums"/>: reads and updates the stream's <paramref name="state"/> except h, writes the new h of
    /// the block into <paramref name="hNew"/>.
    /// </summary>
    static abstract void Finish(int block, ref float sums, ref float state, ref float hNew, ref float partial);

    /// <summary>One stream on the single-stream kernel; <paramref name="scratch"/> holds <see cref="BatchScratch.StepLength"/> floats.</summary>
    static abstract void StepOne(ReadOnlySpan<float> weights, ReadOnlySpan<float> input, Span<float> state, Span<float> scratch);
}
