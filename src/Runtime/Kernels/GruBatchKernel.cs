using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnGen.Activations;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels;

/// <summary>
/// One reset-after GRU step of many independent streams on <see cref="Weights.LanePacking"/> weights, streams in
/// pairs: each packed weight register is loaded once for both streams (2 streams × z, r, candidate input and
/// recurrent parts = 8 accumulators; see <see cref="LstmBatchKernel{TLanes, TVector, TSizes, TGate, TActivation}"/>).
/// Sums accumulate in the order of <see cref="GruKernel{TLanes, TVector, TSizes, TGate, TActivation}"/> and are
/// finished by its cell update, so results are bit-identical to stepping each stream alone. An odd last stream runs
/// on that kernel.
/// </summary>
public static class GruBatchKernel<TLanes, TVector, TSizes, TGate, TActivation>
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
        get => 3 * Lanes;
    }

    private static int BlockLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ((TSizes.InputSize + TSizes.Units + 1) * RowLength) + Lanes;
    }

    private static int Blocks
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (TSizes.Units + Lanes - 1) / Lanes;
    }

    /// <summary>
    /// Advances <paramref name="streams"/> hidden states by one input each: stream s reads its input at
    /// <paramref name="inputs"/>[s × <paramref name="inputStride"/>] and its h at <paramref name="states"/>[s × <paramref name="stateStride"/>].
    /// </summary>
    public static void Step(ReadOnlySpan<float> weights, ReadOnlySpan<float> inputs, int inputStride, Span<float> states, int stateStride, int streams, Span<float> scratch)
    {
        int units = TSizes.Units;
        if (streams < 1 || weights.Length < Blocks * BlockLength || inputs.Length < ((streams - 1) * inputStride) + TSizes.InputSize
            || states.Length < ((streams - 1) * stateStride) + units || scratch.Length < ((2 * Blocks) + 9) * Lanes)
        {
            KernelErrors.ThrowSizes("batched GRU");
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
                TVector zA = TLanes.Load(ref w0, bias), rA = TLanes.Load(ref w0, bias + lanes), nxA = TLanes.Load(ref w0, bias + (2 * lanes)), nhA = TLanes.Load(ref w0, bias + (3 * lanes));
                TVector zB = zA, rB = rA, nxB = nxA, nhB = nhA;
                for (int row = 0; row < TSizes.InputSize; row++)
                {
                    TVector vA = TLanes.Broadcast(Unsafe.Add(ref xA, row));
                    TVector vB = TLanes.Broadcast(Unsafe.Add(ref xB, row));
                    nuint at = (nuint)(row * RowLength);
                    TVector wz = TLanes.Load(ref w0, at), wr = TLanes.Load(ref w0, at + lanes), wn = TLanes.Load(ref w0, at + (2 * lanes));
                    zA = TLanes.MultiplyAdd(vA, wz, zA);
                    rA = TLanes.MultiplyAdd(vA, wr, rA);
                    nxA = TLanes.MultiplyAdd(vA, wn, nxA);
                    zB = TLanes.MultiplyAdd(vB, wz, zB);
                    rB = TLanes.MultiplyAdd(vB, wr, rB);
                    nxB = TLanes.MultiplyAdd(vB, wn, nxB);
                }

                for (int k = 0; k < units; k++)
                {
                    TVector vA = TLanes.Broadcast(Unsafe.Add(ref hA, k));
                    TVector vB = TLanes.Broadcast(Unsafe.Add(ref hB, k));
                    nuint at = (nuint)((TSizes.InputSize + k) * RowLength);
                    TVector wz = TLanes.Load(ref w0, at), wr = TLanes.Load(ref w0, at + lanes), wn = TLanes.Load(ref w0, at + (2 * lanes));
                    zA = TLanes.MultiplyAdd(vA, wz, zA);
                    rA = TLanes.MultiplyAdd(vA, wr, rA);
                    nhA = TLanes.MultiplyAdd(vA, wn, nhA);
                    zB = TLanes.MultiplyAdd(vB, wz, zB);
                    rB = TLanes.MultiplyAdd(vB, wr, rB);
                    nhB = TLanes.MultiplyAdd(vB, wn, nhB);
                }

                // Park, then finish each stream with the single-stream cell update (see GruKernel).
                GruKernel<TLanes, TVector, TSizes, TGate, TActivation>.Park(ref gates, 0, zA, rA, nxA, nhA);
                GruKernel<TLanes, TVector, TSizes, TGate, TActivation>.Park(ref gates, 4, zB, rB, nxB, nhB);
                GruKernel<TLanes, TVector, TSizes, TGate, TActivation>.Finish(block, ref gates, 0, ref hA, ref hNewA, ref partial);
                GruKernel<TLanes, TVector, TSizes, TGate, TActivation>.Finish(block, ref gates, 4, ref hB, ref hNewB, ref partial);
            }

            // Every block read the old h of both streams; only now may it change.
            BlockRef.Copy(ref hA, ref hNewA, units);
            BlockRef.Copy(ref hB, ref hNewB, units);
        }

        if (stream < streams)
        {
            GruKernel<TLanes, TVector, TSizes, TGate, TActivation>.Step(weights, inputs.Slice(stream * inputStride), states.Slice(stream * stateStride), scratch);
        }
    }
}
