using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnGen.Activations;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels;

/// <summary>
/// One SimpleRNN step, h = act(x·W + h·U + b), of many independent streams on <see cref="Weights.LanePacking"/>
/// weights, streams in pairs: each packed weight register is loaded once and FMA'd into both streams' sums.
/// The sums follow <see cref="SimpleRnnKernel{TLanes, TVector, TSizes, TActivation}"/> exactly — four blocks at a
/// time, and for the last blocks each sum split over four accumulators added as (a0 + a1) + (a2 + a3) — so the
/// results are bit-identical to stepping each stream alone (2 streams × 4 accumulators, 4 weight registers and
/// 2 broadcasts: 14 registers). An odd last stream runs on that kernel.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SimpleRnnBatchKernel<TLanes, TVector, TSizes, TActivation>
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TActivation : struct, IElementwiseActivation
{

    private static int Lanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => TLanes.Count;
    }

    private static int BlockLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, SimpleRnnPacking>.BlockLength;
    }

    private static int Blocks
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, SimpleRnnPacking>.Blocks;
    }

    /// <summary>
    /// Advances <paramref name="streams"/> hidden states by one input each: stream s reads its input at
    /// <paramref name="inputs"/>[s × <paramref name="inputStride"/>] and its h at <paramref name="states"/>[s × <paramref name="stateStride"/>].
    /// </summary>
    [SkipLocalsInit] // every scratch float is written before it is read (see BatchScratch)
    public static void Step(ReadOnlySpan<float> weights, ReadOnlySpan<float> inputs, int inputStride, Span<float> states, int stateStride, int streams)
    {
        int length = BatchScratch.PairLength(TSizes.Units);
        if (length <= ModelLimits.StackScratchFloats)
        {
            Core(weights, inputs, inputStride, states, stateStride, streams, stackalloc float[length]);
        }
        else
        {
            using var memory = new ScratchMemory(length);
            Core(weights, inputs, inputStride, states, stateStride, streams, memory.Span);
        }
    }

    private static void Core(ReadOnlySpan<float> weights, ReadOnlySpan<float> inputs, int inputStride, Span<float> states, int stateStride, int streams, Span<float> scratch)
    {
        int units = TSizes.Units;
        if (streams < 1 || weights.Length < Blocks * BlockLength || inputs.Length < ((streams - 1) * inputStride) + TSizes.InputSize
            || states.Length < ((streams - 1) * stateStride) + units || scratch.Length < 2 * Blocks * Lanes)
        {
            KernelErrors.ThrowSizes("batched SimpleRNN");
        }

        ref float hNewA = ref MemoryMarshal.GetReference(scratch);
        ref float hNewB = ref Unsafe.Add(ref hNewA, Blocks * Lanes);
        int stream = 0;
        for (; stream + 2 <= streams; stream += 2)
        {
            ref float xA = ref Unsafe.Add(ref MemoryMarshal.GetReference(inputs), stream * inputStride);
            ref float xB = ref Unsafe.Add(ref xA, inputStride);
            ref float hA = ref Unsafe.Add(ref MemoryMarshal.GetReference(states), stream * stateStride);
            ref float hB = ref Unsafe.Add(ref hA, stateStride);
            int block = FourBlocksAtATime(weights, ref xA, ref xB, ref hA, ref hB, ref hNewA, ref hNewB);
            for (; block < Blocks; block++)
            {
                OneBlock(weights, block, ref xA, ref xB, ref hA, ref hB, ref hNewA, ref hNewB);
            }

            // Every block read the old h of both streams; only now may it change.
            BlockRef.Copy(ref hA, ref hNewA, units);
            BlockRef.Copy(ref hB, ref hNewB, units);
        }

        if (stream < streams)
        {
            SimpleRnnKernel<TLanes, TVector, TSizes, TActivation>.Step(weights, inputs.Slice(stream * inputStride), states.Slice(stream * stateStride), scratch);
        }
    }

    /// <summary>Blocks in groups of four, one sum per block and stream; returns the first block left over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FourBlocksAtATime(ReadOnlySpan<float> weights, ref float xA, ref float xB, ref float hA, ref float hB, ref float hNewA, ref float hNewB)
    {
        ref float w = ref MemoryMarshal.GetReference(weights);
        nuint bias = (nuint)((TSizes.InputSize + TSizes.Units) * Lanes);
        nuint next = (nuint)BlockLength;
        nuint lanes = (nuint)Lanes;
        int block = 0;
        for (; block + 4 <= Blocks; block += 4)
        {
            ref float w0 = ref Unsafe.Add(ref w, block * BlockLength);
            TVector a0 = TLanes.Load(ref w0, bias), a1 = TLanes.Load(ref w0, bias + next), a2 = TLanes.Load(ref w0, bias + (2 * next)), a3 = TLanes.Load(ref w0, bias + (3 * next));
            TVector b0 = a0, b1 = a1, b2 = a2, b3 = a3;

            // Inputs, then hidden units: two loops, so no row asks which vector it reads.
            for (int row = 0; row < TSizes.InputSize; row++)
            {
                TVector vA = TLanes.Broadcast(Unsafe.Add(ref xA, row));
                TVector vB = TLanes.Broadcast(Unsafe.Add(ref xB, row));
                nuint at = (nuint)(row * Lanes);
                TVector w0Row = TLanes.Load(ref w0, at), w1Row = TLanes.Load(ref w0, at + next), w2Row = TLanes.Load(ref w0, at + (2 * next)), w3Row = TLanes.Load(ref w0, at + (3 * next));
                a0 = TLanes.MultiplyAdd(vA, w0Row, a0);
                a1 = TLanes.MultiplyAdd(vA, w1Row, a1);
                a2 = TLanes.MultiplyAdd(vA, w2Row, a2);
                a3 = TLanes.MultiplyAdd(vA, w3Row, a3);
                b0 = TLanes.MultiplyAdd(vB, w0Row, b0);
                b1 = TLanes.MultiplyAdd(vB, w1Row, b1);
                b2 = TLanes.MultiplyAdd(vB, w2Row, b2);
                b3 = TLanes.MultiplyAdd(vB, w3Row, b3);
            }

            for (int k = 0; k < TSizes.Units; k++)
            {
                TVector vA = TLanes.Broadcast(Unsafe.Add(ref hA, k));
                TVector vB = TLanes.Broadcast(Unsafe.Add(ref hB, k));
                nuint at = (nuint)((TSizes.InputSize + k) * Lanes);
                TVector w0Row = TLanes.Load(ref w0, at), w1Row = TLanes.Load(ref w0, at + next), w2Row = TLanes.Load(ref w0, at + (2 * next)), w3Row = TLanes.Load(ref w0, at + (3 * next));
                a0 = TLanes.MultiplyAdd(vA, w0Row, a0);
                a1 = TLanes.MultiplyAdd(vA, w1Row, a1);
                a2 = TLanes.MultiplyAdd(vA, w2Row, a2);
                a3 = TLanes.MultiplyAdd(vA, w3Row, a3);
                b0 = TLanes.MultiplyAdd(vB, w0Row, b0);
                b1 = TLanes.MultiplyAdd(vB, w1Row, b1);
                b2 = TLanes.MultiplyAdd(vB, w2Row, b2);
                b3 = TLanes.MultiplyAdd(vB, w3Row, b3);
            }

            nuint first = (nuint)(block * Lanes);
            TLanes.Store(TLanes.Activate<TActivation>(a0), ref hNewA, first);
            TLanes.Store(TLanes.Activate<TActivation>(a1), ref hNewA, first + lanes);
            TLanes.Store(TLanes.Activate<TActivation>(a2), ref hNewA, first + (2 * lanes));
            TLanes.Store(TLanes.Activate<TActivation>(a3), ref hNewA, first + (3 * lanes));
            TLanes.Store(TLanes.Activate<TActivation>(b0), ref hNewB, first);
            TLanes.Store(TLanes.Activate<TActivation>(b1), ref hNewB, first + lanes);
            TLanes.Store(TLanes.Activate<TActivation>(b2), ref hNewB, first + (2 * lanes));
            TLanes.Store(TLanes.Activate<TActivation>(b3), ref hNewB, first + (3 * lanes));
        }

        return block;
    }

    /// <summary>One of the last blocks: each stream's sum split over four accumulators, as the single-stream kernel does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OneBlock(ReadOnlySpan<float> weights, int block, ref float xA, ref float xB, ref float hA, ref float hB, ref float hNewA, ref float hNewB)
    {
        ref float w0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(weights), block * BlockLength);
        int rows = TSizes.InputSize + TSizes.Units;
        TVector a0 = TLanes.Load(ref w0, (nuint)(rows * Lanes));
        TVector b0 = a0;
        TVector a1 = default, a2 = default, a3 = default, b1 = default, b2 = default, b3 = default;
        int row = 0;
        for (; row + 4 <= rows; row += 4)
        {
            TVector w0Row = TLanes.Load(ref w0, (nuint)(row * Lanes)), w1Row = TLanes.Load(ref w0, (nuint)((row + 1) * Lanes));
            TVector w2Row = TLanes.Load(ref w0, (nuint)((row + 2) * Lanes)), w3Row = TLanes.Load(ref w0, (nuint)((row + 3) * Lanes));
            a0 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref xA, ref hA, row)), w0Row, a0);
            a1 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref xA, ref hA, row + 1)), w1Row, a1);
            a2 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref xA, ref hA, row + 2)), w2Row, a2);
            a3 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref xA, ref hA, row + 3)), w3Row, a3);
            b0 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref xB, ref hB, row)), w0Row, b0);
            b1 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref xB, ref hB, row + 1)), w1Row, b1);
            b2 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref xB, ref hB, row + 2)), w2Row, b2);
            b3 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref xB, ref hB, row + 3)), w3Row, b3);
        }

        for (; row < rows; row++)
        {
            TVector wRow = TLanes.Load(ref w0, (nuint)(row * Lanes));
            a0 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref xA, ref hA, row)), wRow, a0);
            b0 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref xB, ref hB, row)), wRow, b0);
        }

        nuint first = (nuint)(block * Lanes);
        TLanes.Store(TLanes.Activate<TActivation>(TLanes.Add(TLanes.Add(a0, a1), TLanes.Add(a2, a3))), ref hNewA, first);
        TLanes.Store(TLanes.Activate<TActivation>(TLanes.Add(TLanes.Add(b0, b1), TLanes.Add(b2, b3))), ref hNewB, first);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Row(ref float x, ref float h, int row) =>
        SimpleRnnKernel<TLanes, TVector, TSizes, TActivation>.Row(ref x, ref h, row);
}
