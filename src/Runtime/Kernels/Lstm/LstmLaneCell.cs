using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using RnnGen.Activations;
using RnnGen.Kernels.Lanes;
using RnnGen.Weights;

namespace RnnGen.Kernels;

/// <summary>An LSTM direction on a lane kernel, for <see cref="ProjectedRecurrence"/> and generated Step code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct LstmLaneCell<TLanes, TVector, TSizes, TGate, TActivation>(WeightSlot weights) : ILaneCell<LstmLaneCell<TLanes, TVector, TSizes, TGate, TActivation>>
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TGate : struct, IElementwiseActivation
    where TActivation : struct, IElementwiseActivation
{
    /// <inheritdoc/>
    public static LstmLaneCell<TLanes, TVector, TSizes, TGate, TActivation> Create(WeightSlot packedWeights) => new(packedWeights);

    /// <inheritdoc/>
    public int Units => TSizes.Units;

    /// <inheritdoc/>
    public int StateLength => 2 * TSizes.Units;

    /// <inheritdoc/>
    public int ScratchLength
    {
        // Forced inline: RecurrentStep.Step sizes its stack scratch with it, and .NET 10 left it a call there (7 ns of
        // a 5->2 LSTM Step on a Zen 1).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, LstmPacking>.StepScratchLength;
    }

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<float> input, Span<float> state, Span<float> scratch) =>
        LstmKernel<TLanes, TVector, TSizes, TGate, TActivation>.Step(weights.Span, input, state, scratch);

    /// <inheritdoc/>
    public int ProjectionLength => LaneProjection<TLanes, TVector, TSizes, LstmPacking>.LengthPerStep;

    /// <inheritdoc/>
    public void Project(ReadOnlySpan<float> inputs, int steps, Span<float> projections) =>
        LaneProjection<TLanes, TVector, TSizes, LstmPacking>.Project(weights.Span, inputs, steps, projections);

    /// <inheritdoc/>
    public void Recur(ReadOnlySpan<float> projection, Span<float> state, Span<float> scratch) =>
        LstmKernel<TLanes, TVector, TSizes, TGate, TActivation>.Recur(weights.Span, projection, state, scratch);
}
