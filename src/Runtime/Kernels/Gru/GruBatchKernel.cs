using System;
using System.ComponentModel;
using RnnGen.Activations;
using RnnGen.Kernels.Batch;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels;

/// <summary>
/// One reset-after GRU step of many independent streams on <see cref="Weights.LanePacking"/> weights: the register-tiled
/// batch GEMM of <see cref="GateTiles{TLanes, TVector, TSizes, TCell}"/> with the cell update of
/// <see cref="GruKernel{TLanes, TVector, TSizes, TGate, TActivation}"/>, so each stream gets exactly what stepping it
/// alone gives.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GruBatchKernel<TLanes, TVector, TSizes, TGate, TActivation>
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TGate : struct, IElementwiseActivation
    where TActivation : struct, IElementwiseActivation
{
    /// <summary>
    /// Advances <paramref name="streams"/> states by one input each: stream s reads its input at
    /// <paramref name="inputs"/>[s × <paramref name="inputStride"/>] and its h at
    /// <paramref name="states"/>[s × <paramref name="stateStride"/>].
    /// </summary>
    public static void Step(ReadOnlySpan<float> weights, ReadOnlySpan<float> inputs, int inputStride, Span<float> states, int stateStride, int streams) =>
        GateTiles<TLanes, TVector, TSizes, GruTileCell<TLanes, TVector, TSizes, TGate, TActivation>>.Step(weights, inputs, inputStride, states, stateStride, streams);
}
