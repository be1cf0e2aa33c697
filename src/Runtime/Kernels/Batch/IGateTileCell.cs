using System;
using RnnGen.Kernels.Lanes;

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

/// <summary>LSTM: four gates, c updated in place after h in the state, the cell update of <see cref="LstmKernel{TLanes, TVector, TSizes, TGate, TActivation}"/>.</summary>
internal readonly struct LstmTileCell<TLanes, TVector, TSizes, TGate, TActivation> : IGateTileCell
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TGate : struct, Activations.IElementwiseActivation
    where TActivation : struct, Activations.IElementwiseActivation
{
    public static int Gates => 4;

    public static int StateLength => 2 * TSizes.Units;

    public static void Finish(int block, ref float sums, ref float state, ref float hNew, ref float partial) =>
        LstmKernel<TLanes, TVector, TSizes, TGate, TActivation>.Finish(block, ref sums, 0, ref System.Runtime.CompilerServices.Unsafe.Add(ref state, TSizes.Units), ref hNew, ref partial);

    public static void StepOne(ReadOnlySpan<float> weights, ReadOnlySpan<float> input, Span<float> state, Span<float> scratch) =>
        LstmKernel<TLanes, TVector, TSizes, TGate, TActivation>.Step(weights, input, state, scratch);
}

/// <summary>Reset-after GRU: three weight registers per row, the cell update of <see cref="GruKernel{TLanes, TVector, TSizes, TGate, TActivation}"/>.</summary>
internal readonly struct GruTileCell<TLanes, TVector, TSizes, TGate, TActivation> : IGateTileCell
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TGate : struct, Activations.IElementwiseActivation
    where TActivation : struct, Activations.IElementwiseActivation
{
    public static int Gates => 3;

    public static int StateLength => TSizes.Units;

    public static void Finish(int block, ref float sums, ref float state, ref float hNew, ref float partial) =>
        GruKernel<TLanes, TVector, TSizes, TGate, TActivation>.Finish(block, ref sums, 0, ref state, ref hNew, ref partial);

    public static void StepOne(ReadOnlySpan<float> weights, ReadOnlySpan<float> input, Span<float> state, Span<float> scratch) =>
        GruKernel<TLanes, TVector, TSizes, TGate, TActivation>.Step(weights, input, state, scratch);
}
