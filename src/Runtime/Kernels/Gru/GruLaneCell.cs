using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using RnnGen.Activations;
using RnnGen.Kernels.Lanes;
using RnnGen.Weights;

namespace RnnGen.Kernels;

/// <summary>A reset-after GRU direction on a lane kernel.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct GruLaneCell<TLanes, TVector, TSizes, TGate, TActivation>(WeightSlot weights) : ILaneCell<GruLaneCell<TLanes, TVector, TSizes, TGate, TActivation>>
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TGate : struct, IElementwiseActivation
    where TActivation : struct, IElementwiseActivation
{
    /// <inheritdoc/>
    public static GruLaneCell<TLanes, TVector, TSizes, TGate, TActivation> Create(WeightSlot packedWeights) => new(packedWeights);

    /// <inheritdoc/>
    public int Units => TSizes.Units;

    /// <inheritdoc/>
    public int StateLength => TSizes.Units;

    /// <inheritdoc/>
    public int ScratchLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, GruPacking>.StepScratchLength;
    }

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<float> input, Span<float> state, Span<float> scratch) =>
        GruKernel<TLanes, TVector, TSizes, TGate, TActivation>.Step(weights.Span, input, state, scratch);

    /// <inheritdoc/>
    public int ProjectionLength => LaneProjection<TLanes, TVector, TSizes, GruPacking>.LengthPerStep;

    /// <inheritdoc/>
    public void Project(ReadOnlySpan<float> inputs, int steps, Span<float> projections) =>
        LaneProjection<TLanes, TVector, TSizes, GruPacking>.Project(weights.Span, inputs, steps, projections);

    /// <inheritdoc/>
    public void Recur(ReadOnlySpan<float> projection, Span<float> state, Span<float> scratch) =>
        GruKernel<TLanes, TVector, TSizes, TGate, TActivation>.Recur(weights.Span, projection, state, scratch);
}
