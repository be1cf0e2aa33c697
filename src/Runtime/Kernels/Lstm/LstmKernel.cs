using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnGen.Activations;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels;

/// <summary>
/// One LSTM step on <see cref="Weights.LanePacking"/> weights: per block of L units the four gate registers
/// accumulate every input and hidden row (two blocks at a time, so eight independent FMA chains hide the FMA
/// latency), then i, f, o = gate(·), g = act(·), c = f·c + i·g, h = o·act(c) — all in registers.
/// Sizes come from <typeparamref name="TSizes"/>, so the compiler sees them as constants.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LstmKernel<TLanes, TVector, TSizes, TGate, TActivation>
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
        get => PackedLayout<TLanes, TVector, TSizes, LstmPacking>.RowLength;
    }

    private static int BlockLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, LstmPacking>.BlockLength;
    }

    private static int Blocks
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, LstmPacking>.Blocks;
    }

    /// <summary>Advances h and c (<paramref name="state"/> = [h, c]) by one input vector.</summary>
    public static void Step(ReadOnlySpan<float> weights, ReadOnlySpan<float> input, Span<float> state, Span<float> scratch) =>
        Core<FromInput>(weights, input, default, state, scratch);

    /// <summary>
    /// As <see cref="Step"/>, but the input's contribution (bias included) was computed beforehand by
    /// <see cref="LaneProjection{TLanes, TVector, TSizes, TPacking}"/>: <paramref name="projection"/> holds it for this step.
    /// </summary>
    public static void Recur(ReadOnlySpan<float> weights, ReadOnlySpan<float> projection, Span<float> state, Span<float> scratch) =>
        Core<FromProjection>(weights, default, projection, state, scratch);

    // One body for both entry points, specialised per mode, so `projected` is a constant and the unused half vanishes.
    // Compiled optimised at once: PathCalibration times this code when a model is created, before tiering would reach it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Core<TMode>(ReadOnlySpan<float> weights, ReadOnlySpan<float> input, ReadOnlySpan<float> projection, Span<float> state, Span<float> scratch)
        where TMode : struct, IStepMode
    {
        bool projected = TMode.Projected;
        int units = TSizes.Units;
        if (weights.Length < Blocks * BlockLength || (projected ? projection.Length < PackedLayout<TLanes, TVector, TSizes, LstmPacking>.ProjectionLength : input.Length < TSizes.InputSize) || state.Length < 2 * units || scratch.Length < PackedLayout<TLanes, TVector, TSizes, LstmPacking>.StepScratchLength)
        {
            KernelErrors.ThrowSizes("LSTM");
        }

        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float x = ref MemoryMarshal.GetReference(input);
        ref float p = ref MemoryMarshal.GetReference(projection);
        ref float h = ref MemoryMarshal.GetReference(state);
        ref float hNew = ref MemoryMarshal.GetReference(scratch);
        ref float partial = ref Unsafe.Add(ref hNew, Blocks * Lanes);
        ref float gates = ref Unsafe.Add(ref partial, Lanes);
        ref float c = ref Unsafe.Add(ref h, units);

        int block = 0;
        for (; block + 2 <= Blocks; block += 2)
        {
            ref float w0 = ref Unsafe.Add(ref w, block * BlockLength);
            ref float w1 = ref Unsafe.Add(ref w0, BlockLength);
            nuint bias = (nuint)((TSizes.InputSize + units) * RowLength);
            nuint lanes = (nuint)Lanes;
            ref float s0 = ref projected ? ref Unsafe.Add(ref p, block * RowLength) : ref Unsafe.Add(ref w0, bias);
            ref float s1 = ref Unsafe.Add(ref s0, projected ? RowLength : BlockLength);
            TVector i0 = TLanes.Load(ref s0, 0), f0 = TLanes.Load(ref s0, lanes), g0 = TLanes.Load(ref s0, 2 * lanes), o0 = TLanes.Load(ref s0, 3 * lanes);
            TVector i1 = TLanes.Load(ref s1, 0), f1 = TLanes.Load(ref s1, lanes), g1 = TLanes.Load(ref s1, 2 * lanes), o1 = TLanes.Load(ref s1, 3 * lanes);

            // The input rows (unless projected beforehand), then the hidden rows.
            if (!projected)
            {
                RowSums<TLanes, TVector>.AddToPair(4, ref w0, ref w1, ref x, TSizes.InputSize, ref i0, ref f0, ref g0, ref o0, ref i1, ref f1, ref g1, ref o1);
            }

            nint hidden = TSizes.InputSize * RowLength;
            RowSums<TLanes, TVector>.AddToPair(4, ref Unsafe.Add(ref w0, hidden), ref Unsafe.Add(ref w1, hidden), ref h, units, ref i0, ref f0, ref g0, ref o0, ref i1, ref f1, ref g1, ref o1);

            // Park the sums so they die with the loop: finishing needs many registers, and accumulators that
            // stay live across it were seen spilled to the stack after every FMA inside the loop.
            Park(ref gates, 0, i0, f0, g0, o0);
            Park(ref gates, 4, i1, f1, g1, o1);
            Finish(block, ref gates, 0, ref c, ref hNew, ref partial);
            Finish(block + 1, ref gates, 4, ref c, ref hNew, ref partial);
        }

        if (block < Blocks)
        {
            ref float w0 = ref Unsafe.Add(ref w, block * BlockLength);
            nuint bias = (nuint)((TSizes.InputSize + units) * RowLength);
            nuint lanes = (nuint)Lanes;
            ref float s0 = ref projected ? ref Unsafe.Add(ref p, block * RowLength) : ref Unsafe.Add(ref w0, bias);
            TVector i0 = TLanes.Load(ref s0, 0), f0 = TLanes.Load(ref s0, lanes), g0 = TLanes.Load(ref s0, 2 * lanes), o0 = TLanes.Load(ref s0, 3 * lanes);
            if (!projected)
            {
                RowSums<TLanes, TVector>.AddToOne(4, ref w0, ref x, TSizes.InputSize, ref i0, ref f0, ref g0, ref o0);
            }

            RowSums<TLanes, TVector>.AddToOne(4, ref Unsafe.Add(ref w0, TSizes.InputSize * RowLength), ref h, units, ref i0, ref f0, ref g0, ref o0);
            Park(ref gates, 0, i0, f0, g0, o0);
            Finish(block, ref gates, 0, ref c, ref hNew, ref partial);
        }

        // Every block read the old h; only now may it change.
        BlockRef.Copy(ref h, ref hNew, units);
    }

    /// <summary>Stores one block's four accumulators at gate slot <paramref name="slot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Park(ref float gates, int slot, TVector i, TVector f, TVector g, TVector o)
    {
        nuint at = (nuint)(slot * Lanes);
        nuint lanes = (nuint)Lanes;
        TLanes.Store(i, ref gates, at);
        TLanes.Store(f, ref gates, at + lanes);
        TLanes.Store(g, ref gates, at + (2 * lanes));
        TLanes.Store(o, ref gates, at + (3 * lanes));
    }

    /// <summary>The cell update of one block from its parked sums (shared with the batch tiles, so both compute alike).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    internal static void Finish(int block, ref float gates, int slot, ref float c, ref float hNew, ref float partial)
    {
        nuint at = (nuint)(slot * Lanes);
        nuint lanes = (nuint)Lanes;
        TVector i = TLanes.Load(ref gates, at);
        TVector f = TLanes.Load(ref gates, at + lanes);
        TVector g = TLanes.Load(ref gates, at + (2 * lanes));
        TVector o = TLanes.Load(ref gates, at + (3 * lanes));
        int first = block * Lanes;
        ref float cBlock = ref BlockRef.Enter(ref c, first, TSizes.Units, Lanes, ref partial);
        TVector cOld = TLanes.Load(ref cBlock, 0);
        TVector input = TLanes.Multiply(TLanes.Activate<TGate>(i), TLanes.Activate<TActivation>(g));
        TVector cNew = TLanes.MultiplyAdd(TLanes.Activate<TGate>(f), cOld, input);
        TLanes.Store(cNew, ref cBlock, 0);
        BlockRef.Leave(ref c, first, TSizes.Units, Lanes, ref partial);
        TLanes.Store(TLanes.Multiply(TLanes.Activate<TGate>(o), TLanes.Activate<TActivation>(cNew)), ref hNew, (nuint)first);
    }
}
