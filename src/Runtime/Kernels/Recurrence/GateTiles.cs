using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels.Batch;

/// <summary>
/// One step of many independent streams of an LSTM or reset-after GRU layer on <see cref="Weights.LanePacking"/>
/// weights, as a small GEMM: gate sums [streams × gates·units] = [x h 1] × W, one register block of units at a time.
/// <list type="bullet">
/// <item>Streams go in panels of up to 16 (<see cref="BatchScratch.Panel"/>); a panel's new h waits in scratch until every
/// block has read the old h.</item>
/// <item>Each block's weight rows go in chunks of about 16 KB, which stay in L1 while every tile of the panel reads
/// them: the weights cross from L2 once per panel instead of once per stream (the single-stream kernel is bound by
/// that traffic, not by its FMAs).</item>
/// <item>A tile is up to 4 streams × 4 sums in registers (the stream count a type argument, <see cref="ICount"/>): each weight register loaded
/// once feeds an FMA of every stream of the tile.</item>
/// </list>
/// Each sum starts from the bias and takes the rows in order, exactly as in the single-stream kernel (parking a sum
/// between chunks is exact), and the cell update is that kernel's (<see cref="IGateTileCell"/>), so every stream gets
/// bit-identical results to stepping it alone.
/// </summary>
internal static class GateTiles<TLanes, TVector, TSizes, TCell>
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TCell : struct, IGateTileCell
{
    private static int Lanes
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => TLanes.Count;
    }


    // Weighted rows of a block (inputs and hidden units); the bias row follows them.
    private static int Rows
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => TSizes.InputSize + TSizes.Units;
    }

    private static int RowLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, TCell>.RowLength;
    }

    private static int BlockLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, TCell>.BlockLength;
    }

    private static int Blocks
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, TCell>.Blocks;
    }

    // About 16 KB of weight rows: a third of a 48 KB L1, leaving room for the tiles' h and x.
    private static int ChunkRows
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Math.Max(8, 4096 / RowLength);
    }

    // Four-stream tiles need 16 sums + 4 weights + a broadcast in registers: 32 with AVX-512 (at every width) or NEON.
    // Otherwise two-stream tiles (8 sums + 4 weights + 2 broadcasts fit AVX2's 16), and one for an odd last stream.
    private static bool FourStreamTiles
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Avx512F.IsSupported || AdvSimd.Arm64.IsSupported;
    }

    /// <summary>
    /// Advances <paramref name="streams"/> states by one input each: stream s reads its input at
    /// <paramref name="inputs"/>[s × <paramref name="inputStride"/>] and its state (h first) at
    /// <paramref name="states"/>[s × <paramref name="stateStride"/>].
    /// </summary>
    [SkipLocalsInit] // every scratch float is written before it is read (see BatchScratch)
    public static void Step(ReadOnlySpan<float> weights, ReadOnlySpan<float> inputs, int inputStride, Span<float> states, int stateStride, int streams)
    {
        // One stream has nothing to share weight loads with; the single-stream kernel interleaves two blocks instead.
        int length = streams == 1 ? BatchScratch.StepLength(TSizes.Units) : BatchScratch.TileLength(TSizes.Units);
        if (length <= ModelLimits.StackScratchFloats)
        {
            Core(weights, inputs, inputStride, states, stateStride, streams, stackalloc float[length]);
        }
        else
        {
            // Layers of about 4,000 units and more: native memory, allocated and freed by each call.
            using var memory = new ScratchMemory(length);
            Core(weights, inputs, inputStride, states, stateStride, streams, memory.Span);
        }
    }

    private static void Core(ReadOnlySpan<float> weights, ReadOnlySpan<float> inputs, int inputStride, Span<float> states, int stateStride, int streams, Span<float> scratch)
    {
        if (streams == 1)
        {
            TCell.StepOne(weights, inputs, states, scratch);
            return;
        }

        int panel = BatchScratch.Panel(TSizes.Units);
        int hStride = Blocks * Lanes;
        int sumsStride = 4 * Lanes;
        if (streams < 1 || weights.Length < Blocks * BlockLength || inputs.Length < ((streams - 1) * inputStride) + TSizes.InputSize
            || states.Length < ((streams - 1) * stateStride) + TCell.StateLength || scratch.Length < (panel * (hStride + sumsStride)) + Lanes)
        {
            KernelErrors.ThrowSizes(TCell.Name);
        }

        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float hNew = ref MemoryMarshal.GetReference(scratch);
        ref float sums = ref Unsafe.Add(ref hNew, panel * hStride);
        ref float partial = ref Unsafe.Add(ref sums, panel * sumsStride);
        for (int first = 0; first < streams; first += panel)
        {
            int count = Math.Min(panel, streams - first);
            ref float x = ref Unsafe.Add(ref MemoryMarshal.GetReference(inputs), first * inputStride);
            ref float state = ref Unsafe.Add(ref MemoryMarshal.GetReference(states), first * stateStride);
            for (int block = 0; block < Blocks; block++)
            {
                ref float blockWeights = ref Unsafe.Add(ref w, block * BlockLength);
                for (int from = 0; from < Rows; from += ChunkRows)
                {
                    int to = Math.Min(from + ChunkRows, Rows);
                    int stream = 0;
                    if (FourStreamTiles)
                    {
                        for (; stream + 4 <= count; stream += 4)
                        {
                            Tile<Four>(ref blockWeights, from, to, ref Unsafe.Add(ref x, stream * inputStride), inputStride, ref Unsafe.Add(ref state, stream * stateStride), stateStride, ref Unsafe.Add(ref sums, stream * sumsStride));
                        }
                    }

                    for (; stream + 2 <= count; stream += 2)
                    {
                        Tile<Two>(ref blockWeights, from, to, ref Unsafe.Add(ref x, stream * inputStride), inputStride, ref Unsafe.Add(ref state, stream * stateStride), stateStride, ref Unsafe.Add(ref sums, stream * sumsStride));
                    }

                    if (stream < count)
                    {
                        Tile<One>(ref blockWeights, from, to, ref Unsafe.Add(ref x, stream * inputStride), inputStride, ref Unsafe.Add(ref state, stream * stateStride), stateStride, ref Unsafe.Add(ref sums, stream * sumsStride));
                    }
                }

                for (int stream = 0; stream < count; stream++)
                {
                    TCell.Finish(block, ref Unsafe.Add(ref sums, stream * sumsStride), ref Unsafe.Add(ref state, stream * stateStride), ref Unsafe.Add(ref hNew, stream * hStride), ref partial);
                }
            }

            // Every block of the panel read the old h; only now may it change.
            for (int stream = 0; stream < count; stream++)
            {
                BlockRef.Copy(ref Unsafe.Add(ref state, stream * stateStride), ref Unsafe.Add(ref hNew, stream * hStride), TSizes.Units);
            }
        }
    }

    /// <summary>
    /// Rows [<paramref name="from"/>, <paramref name="to"/>) of one block for <typeparamref name="TStreams"/> streams:
    /// the four sums of each start from the bias (first chunk) or from <paramref name="sums"/>, and are left there.
    /// </summary>
    private static void Tile<TStreams>(ref float weights, int from, int to, ref float x0, int inputStride, ref float h0, int stateStride, ref float sums)
        where TStreams : struct, ICount
    {
        int streams = TStreams.Count;
        bool fourth = TCell.Gates == 4; // a fourth gate register per row (LSTM o); the GRU reuses the third for n's recurrent part
        nuint lanes = (nuint)Lanes;
        nuint sumsStride = 4 * lanes;
        ref float x1 = ref Unsafe.Add(ref x0, inputStride);
        ref float x2 = ref Unsafe.Add(ref x1, inputStride);
        ref float x3 = ref Unsafe.Add(ref x2, inputStride);
        ref float h1 = ref Unsafe.Add(ref h0, stateStride);
        ref float h2 = ref Unsafe.Add(ref h1, stateStride);
        ref float h3 = ref Unsafe.Add(ref h2, stateStride);

        // Sums: a, b, c, d per stream (LSTM i, f, g, o; GRU z, r, input part of n, recurrent part of n).
        // The first chunk starts every stream from the bias (stream 0 loads it, the others copy its registers);
        // later chunks start each stream from its parked sums.
        ref float start = ref from == 0 ? ref Unsafe.Add(ref weights, Rows * RowLength) : ref sums;
        nuint next = sumsStride;
        TVector a0 = TLanes.Load(ref start, 0), b0 = TLanes.Load(ref start, lanes), c0 = TLanes.Load(ref start, 2 * lanes), d0 = TLanes.Load(ref start, 3 * lanes);
        TVector a1 = a0, b1 = b0, c1 = c0, d1 = d0, a2 = a0, b2 = b0, c2 = c0, d2 = d0, a3 = a0, b3 = b0, c3 = c0, d3 = d0;
        if (streams > 1 && from != 0)
        {
            a1 = TLanes.Load(ref start, next); b1 = TLanes.Load(ref start, next + lanes); c1 = TLanes.Load(ref start, next + (2 * lanes)); d1 = TLanes.Load(ref start, next + (3 * lanes));
        }

        if (streams > 2 && from != 0)
        {
            a2 = TLanes.Load(ref start, 2 * next); b2 = TLanes.Load(ref start, (2 * next) + lanes); c2 = TLanes.Load(ref start, (2 * next) + (2 * lanes)); d2 = TLanes.Load(ref start, (2 * next) + (3 * lanes));
            a3 = TLanes.Load(ref start, 3 * next); b3 = TLanes.Load(ref start, (3 * next) + lanes); c3 = TLanes.Load(ref start, (3 * next) + (2 * lanes)); d3 = TLanes.Load(ref start, (3 * next) + (3 * lanes));
        }

        // Input rows: every gate's weights into a, b, c (and d for the LSTM's fourth gate).
        int inputEnd = Math.Min(to, TSizes.InputSize);
        for (int row = from; row < inputEnd; row++)
        {
            nuint at = (nuint)(row * RowLength);
            TVector wa = TLanes.Load(ref weights, at), wb = TLanes.Load(ref weights, at + lanes), wc = TLanes.Load(ref weights, at + (2 * lanes));
            TVector wd = fourth ? TLanes.Load(ref weights, at + (3 * lanes)) : wc;
            TVector v = TLanes.Broadcast(Unsafe.Add(ref x0, row));
            a0 = TLanes.MultiplyAdd(v, wa, a0); b0 = TLanes.MultiplyAdd(v, wb, b0); c0 = TLanes.MultiplyAdd(v, wc, c0);
            if (fourth) { d0 = TLanes.MultiplyAdd(v, wd, d0); }
            if (streams > 1)
            {
                v = TLanes.Broadcast(Unsafe.Add(ref x1, row));
                a1 = TLanes.MultiplyAdd(v, wa, a1); b1 = TLanes.MultiplyAdd(v, wb, b1); c1 = TLanes.MultiplyAdd(v, wc, c1);
                if (fourth) { d1 = TLanes.MultiplyAdd(v, wd, d1); }
            }

            if (streams > 2)
            {
                v = TLanes.Broadcast(Unsafe.Add(ref x2, row));
                a2 = TLanes.MultiplyAdd(v, wa, a2); b2 = TLanes.MultiplyAdd(v, wb, b2); c2 = TLanes.MultiplyAdd(v, wc, c2);
                if (fourth) { d2 = TLanes.MultiplyAdd(v, wd, d2); }
                v = TLanes.Broadcast(Unsafe.Add(ref x3, row));
                a3 = TLanes.MultiplyAdd(v, wa, a3); b3 = TLanes.MultiplyAdd(v, wb, b3); c3 = TLanes.MultiplyAdd(v, wc, c3);
                if (fourth) { d3 = TLanes.MultiplyAdd(v, wd, d3); }
            }
        }

        // Hidden rows: the same, except that the GRU's candidate weights go into d (kept apart until r multiplies it).
        for (int row = Math.Max(from, TSizes.InputSize); row < to; row++)
        {
            int k = row - TSizes.InputSize;
            nuint at = (nuint)(row * RowLength);
            TVector wa = TLanes.Load(ref weights, at), wb = TLanes.Load(ref weights, at + lanes), wc = TLanes.Load(ref weights, at + (2 * lanes));
            TVector wd = fourth ? TLanes.Load(ref weights, at + (3 * lanes)) : wc;
            TVector v = TLanes.Broadcast(Unsafe.Add(ref h0, k));
            a0 = TLanes.MultiplyAdd(v, wa, a0); b0 = TLanes.MultiplyAdd(v, wb, b0);
            if (fourth) { c0 = TLanes.MultiplyAdd(v, wc, c0); }
            d0 = TLanes.MultiplyAdd(v, wd, d0);
            if (streams > 1)
            {
                v = TLanes.Broadcast(Unsafe.Add(ref h1, k));
                a1 = TLanes.MultiplyAdd(v, wa, a1); b1 = TLanes.MultiplyAdd(v, wb, b1);
                if (fourth) { c1 = TLanes.MultiplyAdd(v, wc, c1); }
                d1 = TLanes.MultiplyAdd(v, wd, d1);
            }

            if (streams > 2)
            {
                v = TLanes.Broadcast(Unsafe.Add(ref h2, k));
                a2 = TLanes.MultiplyAdd(v, wa, a2); b2 = TLanes.MultiplyAdd(v, wb, b2);
                if (fourth) { c2 = TLanes.MultiplyAdd(v, wc, c2); }
                d2 = TLanes.MultiplyAdd(v, wd, d2);
                v = TLanes.Broadcast(Unsafe.Add(ref h3, k));
                a3 = TLanes.MultiplyAdd(v, wa, a3); b3 = TLanes.MultiplyAdd(v, wb, b3);
                if (fourth) { c3 = TLanes.MultiplyAdd(v, wc, c3); }
                d3 = TLanes.MultiplyAdd(v, wd, d3);
            }
        }

        Park(ref sums, 0, a0, b0, c0, d0);
        if (streams > 1)
        {
            Park(ref sums, sumsStride, a1, b1, c1, d1);
        }

        if (streams > 2)
        {
            Park(ref sums, 2 * sumsStride, a2, b2, c2, d2);
            Park(ref sums, 3 * sumsStride, a3, b3, c3, d3);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Park(ref float sums, nuint at, TVector a, TVector b, TVector c, TVector d)
    {
        nuint lanes = (nuint)Lanes;
        TLanes.Store(a, ref sums, at);
        TLanes.Store(b, ref sums, at + lanes);
        TLanes.Store(c, ref sums, at + (2 * lanes));
        TLanes.Store(d, ref sums, at + (3 * lanes));
    }
}
