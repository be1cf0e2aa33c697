using System;

namespace RnnGen.Kernels.Batch;

/// <summary>
/// What <see cref="GateTiles{TLanes, TVector, TSizes, TCell}"/> needs to know of a lane-packed cell: how many weight
/// registers a packed row holds, and the cell update that turns one block's four parked sums into new h.
/// </summary>
internal interface IGateTileCell
{
    /// <summary>
    /// Weight registers per packed row: 4 for LSTM (i, f, g, o, every row into its own sum); 3 for the reset-after
    /// GRU (z, r, n: input rows add n into the third sum, hidden rows into the fourth, as <c>r ⊙ (U_n·h + b_hn)</c> needs).
    /// </summary>
    static abstract int Gates { get; }

    /// <summary>Registers a packed block holds after its rows: 1 for the reset-after GRU (its candidate's recurrent bias), else 0.</summary>
    static abstract int TrailingRegisters { get; }

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
