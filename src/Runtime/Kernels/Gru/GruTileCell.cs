using System;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels.Batch;

/// <summary>Reset-after GRU: three weight registers per row, the cell update of <see cref="GruKernel{TLanes, TVector, TSizes, TGate, TActivation}"/>.</summary>
internal readonly struct GruTileCell<TLanes, TVector, TSizes, TGate, TActivation> : IGateTileCell
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TGate : struct, Activations.IElementwiseActivation
    where TActivation : struct, Activations.IElementwiseActivation
{
    public static int Gates => GruPacking.Gates;

    public static int TrailingRegisters => GruPacking.TrailingRegisters;

    public static string Name => "batched GRU";

    public static int StateLength => TSizes.Units;

    public static void Finish(int block, ref float sums, ref float state, ref float hNew, ref float partial) =>
        GruKernel<TLanes, TVector, TSizes, TGate, TActivation>.Finish(block, ref sums, 0, ref state, ref hNew, ref partial);

    public static void StepOne(ReadOnlySpan<float> weights, ReadOnlySpan<float> input, Span<float> state, Span<float> scratch) =>
        GruKernel<TLanes, TVector, TSizes, TGate, TActivation>.Step(weights, input, state, scratch);
}
