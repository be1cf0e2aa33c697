using System;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels.Batch;

/// <summary>LSTM: four gates, c updated in place after h in the state, the cell update of <see cref="LstmKernel{TLanes, TVector, TSizes, TGate, TActivation}"/>.</summary>
internal readonly struct LstmTileCell<TLanes, TVector, TSizes, TGate, TActivation> : IGateTileCell
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TGate : struct, Activations.IElementwiseActivation
    where TActivation : struct, Activations.IElementwiseActivation
{
    public static int Gates => LstmPacking.Gates;

    public static int TrailingRegisters => LstmPacking.TrailingRegisters;

    public static string Name => "batched LSTM";

    public static int StateLength => 2 * TSizes.Units;

    public static void Finish(int block, ref float sums, ref float state, ref float hNew, ref float partial) =>
        LstmKernel<TLanes, TVector, TSizes, TGate, TActivation>.Finish(block, ref sums, 0, ref System.Runtime.CompilerServices.Unsafe.Add(ref state, TSizes.Units), ref hNew, ref partial);

    public static void StepOne(ReadOnlySpan<float> weights, ReadOnlySpan<float> input, Span<float> state, Span<float> scratch) =>
        LstmKernel<TLanes, TVector, TSizes, TGate, TActivation>.Step(weights, input, state, scratch);
}
