using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using RnnGen.Activations;
using RnnGen.Kernels.Lanes;
using RnnGen.Weights;

namespace RnnGen.Kernels;

/// <summary>A SimpleRNN direction on a lane kernel.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SimpleRnnLaneCell<TLanes, TVector, TSizes, TActivation>(WeightSlot weights) : ILaneCell<SimpleRnnLaneCell<TLanes, TVector, TSizes, TActivation>>
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TActivation : struct, IElementwiseActivation
{
    /// <inheritdoc/>
    public static SimpleRnnLaneCell<TLanes, TVector, TSizes, TActivation> Create(WeightSlot packedWeights) => new(packedWeights);

    /// <inheritdoc/>
    public int Units => TSizes.Units;

    /// <inheritdoc/>
    public int StateLength => TSizes.Units;

    /// <inheritdoc/>
    public int ScratchLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, SimpleRnnPacking>.PaddedUnits;
    }

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<float> input, Span<float> state, Span<float> scratch) =>
        SimpleRnnKernel<TLanes, TVector, TSizes, TActivation>.Step(weights.Span, input, state, scratch);

    /// <inheritdoc/>
    public int ProjectionLength => LaneProjection<TLanes, TVector, TSizes, SimpleRnnPacking>.LengthPerStep;

    /// <inheritdoc/>
    public void Project(ReadOnlySpan<float> inputs, int steps, Span<float> projections) =>
        LaneProjection<TLanes, TVector, TSizes, SimpleRnnPacking>.Project(weights.Span, inputs, steps, projections);

    /// <inheritdoc/>
    public void Recur(ReadOnlySpan<float> projection, Span<float> state, Span<float> scratch) =>
        SimpleRnnKernel<TLanes, TVector, TSizes, TActivation>.Recur(weights.Span, projection, state, scratch);
}
