using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnGen.Activations;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels;

/// <summary>
/// One LSTM step of many independent streams on <see cref="Weights.LanePacking"/> weights. Streams go in pairs:
/// each packed weight register is loaded once and FMA'd against the broadcast input (or h) of both streams, so the
/// weights stream through the cache once per pair instead of once per stream (a GEMM micro-kernel of 2 streams × 4
/// gates: 8 accumulators, 4 weight registers and 2 broadcasts fit the 16 registers of AVX2; AVX-512 and NEON have
/// room for more streams, left for a later slice). Each stream's sums are accumulated in the same order as
/// <see cref="LstmKernel{TLanes, TVector, TSizes, TGate, TActivation}"/> and finished by its own cell update, so
/// the results are bit-identical to stepping each stream alone. An odd last stream runs on that kernel.
/// </summary>
public static class LstmBatchKernel<TLanes, TVector, TSizes, TGate, TActivation>
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TGate : struct, IElementwiseActivation
    where TActivation : struct, IElementwiseActivation
{
    private static int Lanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => TLanes.Count;
    }

    private static int RowLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => 4 * Lanes;
    }

    private static int BlockLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (TSizes.InputSize + TSizes.Units + 1) * RowLength;
    }

    private static int Blocks
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (TSizes.Units + Lanes - 1) / Lanes;
    }

    /// <summary>
    /// Advances <paramref name="streams"/> states by one input each: stream s reads its input at
    /// <paramref name="inputs"/>[s × <paramref name="inputStride"/>] and its [h, c] at
    /// <paramref name="states"/>[s × <paramref name="stateStride"/>].
    /// </summary>
    public static void Step(ReadOnlySpan<float> weights, ReadOnlySpan<float> inputs, int inputStride, Span<float> states, int stateStride, int streams, Span<float> scratch)
    {
        int units = TSizes.Units;
        if (streams < 1 || weights.Length < Blocks * BlockLength || inputs.Length < ((streams - 1) * inputStride) + TSizes.InputSize
            || states.Length < ((streams - 1) * stateStride) + (2 * units) || scratch.Length < ((2 * Blocks) + 9) * Lanes)
        {
            KernelErrors.ThrowSizes("batched LSTM");
        }

        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float hNewA = ref MemoryMarshal.GetReference(scratch);
        ref float hNewB = ref Unsafe.Add(ref hNewA, Blocks * Lanes);
        ref float partial = ref Unsafe.Add(ref hNewB, Blocks * Lanes);
        ref float gates = ref Unsafe.Add(ref partial, Lanes);
        nuint lanes = (nuint)Lanes;
        nuint bias = (nuint)((TSizes.InputSize + units) * RowLength);

        int stream = 0;
        for (; stream + 2 <= streams; stream += 2)
        {
            ref float xA = ref Unsafe.Add(ref MemoryMarshal.GetReference(inputs), stream * inputStride);
            ref float xB = ref Unsafe.Add(ref xA, inputStride);
            ref float hA = ref Unsafe.Add(ref MemoryMarshal.GetReference(states), stream * stateStride);
            ref float hB = ref Unsafe.Add(ref hA, stateStride);
            for (int block = 0; block < Blocks; block++)
            {
                ref float w0 = ref Unsafe.Add(ref w, block * BlockLength);
                TVector iA = TLanes.Load(ref w0, bias), fA = TLanes.Load(ref w0, bias + lanes), gA = TLanes.Load(ref w0, bias + (2 * lanes)), oA = TLanes.Load(ref w0, bias + (3 * lanes));
                TVector iB = iA, fB = fA, gB = gA, oB = oA;
                for (int row = 0; row < TSizes.InputSize; row++)
                {
                    TVector vA = TLanes.Broadcast(Unsafe.Add(ref xA, row));
                    TVector vB = TLanes.Broadcast(Unsafe.Add(ref xB, row));
                    nuint at = (nuint)(row * RowLength);
                    TVector wi = TLanes.Load(ref w0, at), wf = TLanes.Load(ref w0, at + lanes), wg = TLanes.Load(ref w0, at + (2 * lanes)), wo = TLanes.Load(ref w0, at + (3 * lanes));
                    iA = TLanes.MultiplyAdd(vA, wi, iA);
                    fA = TLanes.MultiplyAdd(vA, wf, fA);
                    gA = TLanes.MultiplyAdd(vA, wg, gA);
                    oA = TLanes.MultiplyAdd(vA, wo, oA);
                    iB = TLanes.MultiplyAdd(vB, wi, iB);
                    fB = TLanes.MultiplyAdd(vB, wf, fB);
                    gB = TLanes.MultiplyAdd(vB, wg, gB);
                    oB = TLanes.MultiplyAdd(vB, wo, oB);
                }

                for (int k = 0; k < units; k++)
                {
                    TVector vA = TLanes.Broadcast(Unsafe.Add(ref hA, k));
                    TVector vB = TLanes.Broadcast(Unsafe.Add(ref hB, k));
                    nuint at = (nuint)((TSizes.InputSize + k) * RowLength);
                    TVector wi = TLanes.Load(ref w0, at), wf = TLanes.Load(ref w0, at + lanes), wg = TLanes.Load(ref w0, at + (2 * lanes)), wo = TLanes.Load(ref w0, at + (3 * lanes));
                    iA = TLanes.MultiplyAdd(vA, wi, iA);
                    fA = TLanes.MultiplyAdd(vA, wf, fA);
                    gA = TLanes.MultiplyAdd(vA, wg, gA);
                    oA = TLanes.MultiplyAdd(vA, wo, oA);
                    iB = TLanes.MultiplyAdd(vB, wi, iB);
                    fB = TLanes.MultiplyAdd(vB, wf, fB);
                    gB = TLanes.MultiplyAdd(vB, wg, gB);
                    oB = TLanes.MultiplyAdd(vB, wo, oB);
                }

                // Park, then finish each stream with the single-stream cell update (see LstmKernel).
                LstmKernel<TLanes, TVector, TSizes, TGate, TActivation>.Park(ref gates, 0, iA, fA, gA, oA);
                LstmKernel<TLanes, TVector, TSizes, TGate, TActivation>.Park(ref gates, 4, iB, fB, gB, oB);
                LstmKernel<TLanes, TVector, TSizes, TGate, TActivation>.Finish(block, ref gates, 0, ref Unsafe.Add(ref hA, units), ref hNewA, ref partial);
                LstmKernel<TLanes, TVector, TSizes, TGate, TActivation>.Finish(block, ref gates, 4, ref Unsafe.Add(ref hB, units), ref hNewB, ref partial);
            }

            // Every block read the old h of both streams; only now may it change.
            BlockRef.Copy(ref hA, ref hNewA, units);
            BlockRef.Copy(ref hB, ref hNewB, units);
        }

        if (stream < streams)
        {
            LstmKernel<TLanes, TVector, TSizes, TGate, TActivation>.Step(weights, inputs.Slice(stream * inputStride), states.Slice(stream * stateStride), scratch);
        }
    }
}
