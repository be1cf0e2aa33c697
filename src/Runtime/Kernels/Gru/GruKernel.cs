using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnGen.Activations;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels;

/// <summary>
/// One reset-after GRU step (Keras 2/3 default, PyTorch, ONNX linear_before_reset=1) on
/// <see cref="Weights.LanePacking"/> weights. Per block of L units four registers accumulate z, r, the candidate's
/// input part and its recurrent part (two blocks at a time: eight FMA chains); then
/// n = act(x_h + r·(h·U_h + b_hh)) and h = z·h + (1 − z)·n in registers.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GruKernel<TLanes, TVector, TSizes, TGate, TActivation>
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
        get => PackedLayout<TLanes, TVector, TSizes, GruPacking>.RowLength;
    }

    private static int BlockLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, GruPacking>.BlockLength;
    }

    private static int Blocks
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, GruPacking>.Blocks;
    }

    /// <summary>Advances h (<paramref name="state"/>) by one input vector.</summary>
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
        if (weights.Length < Blocks * BlockLength || (projected ? projection.Length < PackedLayout<TLanes, TVector, TSizes, GruPacking>.ProjectionLength : input.Length < TSizes.InputSize) || state.Length < units || scratch.Length < PackedLayout<TLanes, TVector, TSizes, GruPacking>.StepScratchLength)
        {
            KernelErrors.ThrowSizes("GRU");
        }

        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float x = ref MemoryMarshal.GetReference(input);
        ref float p = ref MemoryMarshal.GetReference(projection);
        ref float h = ref MemoryMarshal.GetReference(state);
        ref float hNew = ref MemoryMarshal.GetReference(scratch);
        ref float partial = ref Unsafe.Add(ref hNew, Blocks * Lanes);
        ref float gates = ref Unsafe.Add(ref partial, Lanes);
        nuint lanes = (nuint)Lanes;
        nuint bias = (nuint)((TSizes.InputSize + units) * RowLength);

        int block = 0;
        for (; block + 2 <= Blocks; block += 2)
        {
            ref float w0 = ref Unsafe.Add(ref w, block * BlockLength);
            ref float w1 = ref Unsafe.Add(ref w0, BlockLength);
            ref float s0 = ref projected ? ref Unsafe.Add(ref p, block * RowLength) : ref Unsafe.Add(ref w0, bias);
            ref float s1 = ref Unsafe.Add(ref s0, projected ? RowLength : BlockLength);
            TVector z0 = TLanes.Load(ref s0, 0), r0 = TLanes.Load(ref s0, lanes), nx0 = TLanes.Load(ref s0, 2 * lanes), nh0 = TLanes.Load(ref w0, bias + (3 * lanes));
            TVector z1 = TLanes.Load(ref s1, 0), r1 = TLanes.Load(ref s1, lanes), nx1 = TLanes.Load(ref s1, 2 * lanes), nh1 = TLanes.Load(ref w1, bias + (3 * lanes));
            // The input rows feed the candidate's input part, the hidden rows its recurrent part (RowSums: 3 gates per row).
            if (!projected)
            {
                RowSums<TLanes, TVector>.AddToPair(3, ref w0, ref w1, ref x, TSizes.InputSize, ref z0, ref r0, ref nx0, ref nh0, ref z1, ref r1, ref nx1, ref nh1);
            }

            nint hidden = TSizes.InputSize * RowLength;
            RowSums<TLanes, TVector>.AddToPair(3, ref Unsafe.Add(ref w0, hidden), ref Unsafe.Add(ref w1, hidden), ref h, units, ref z0, ref r0, ref nh0, ref nx0, ref z1, ref r1, ref nh1, ref nx1);

            // Park the sums so they die with the loops (see LstmKernel).
            Park(ref gates, 0, z0, r0, nx0, nh0);
            Park(ref gates, 4, z1, r1, nx1, nh1);
            Finish(block, ref gates, 0, ref h, ref hNew, ref partial);
            Finish(block + 1, ref gates, 4, ref h, ref hNew, ref partial);
        }

        if (block < Blocks)
        {
            ref float w0 = ref Unsafe.Add(ref w, block * BlockLength);
            ref float s0 = ref projected ? ref Unsafe.Add(ref p, block * RowLength) : ref Unsafe.Add(ref w0, bias);
            TVector z0 = TLanes.Load(ref s0, 0), r0 = TLanes.Load(ref s0, lanes), nx0 = TLanes.Load(ref s0, 2 * lanes), nh0 = TLanes.Load(ref w0, bias + (3 * lanes));
            if (!projected)
            {
                RowSums<TLanes, TVector>.AddToOne(3, ref w0, ref x, TSizes.InputSize, ref z0, ref r0, ref nx0, ref nh0);
            }

            RowSums<TLanes, TVector>.AddToOne(3, ref Unsafe.Add(ref w0, TSizes.InputSize * RowLength), ref h, units, ref z0, ref r0, ref nh0, ref nx0);

            Park(ref gates, 0, z0, r0, nx0, nh0);
            Finish(block, ref gates, 0, ref h, ref hNew, ref partial);
        }

        BlockRef.Copy(ref h, ref hNew, units);
    }

    /// <summary>Stores one block's four accumulators at gate slot <paramref name="slot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Park(ref float gates, int slot, TVector z, TVector r, TVector inputPart, TVector recurrentPart)
    {
        nuint at = (nuint)(slot * Lanes);
        nuint lanes = (nuint)Lanes;
        TLanes.Store(z, ref gates, at);
        TLanes.Store(r, ref gates, at + lanes);
        TLanes.Store(inputPart, ref gates, at + (2 * lanes));
        TLanes.Store(recurrentPart, ref gates, at + (3 * lanes));
    }

    /// <summary>The cell update of one block from its parked sums (shared with the batch tiles, so both compute alike).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Finish(int block, ref float gates, int slot, ref float hOld, ref float hNew, ref float partial)
    {
        nuint at = (nuint)(slot * Lanes);
        nuint lanes = (nuint)Lanes;
        TVector z = TLanes.Load(ref gates, at);
        TVector r = TLanes.Load(ref gates, at + lanes);
        TVector inputPart = TLanes.Load(ref gates, at + (2 * lanes));
        TVector recurrentPart = TLanes.Load(ref gates, at + (3 * lanes));
        int first = block * Lanes;
        TVector candidate = TLanes.Activate<TActivation>(TLanes.MultiplyAdd(TLanes.Activate<TGate>(r), recurrentPart, inputPart));
        TVector previous = TLanes.Load(ref BlockRef.Enter(ref hOld, first, TSizes.Units, Lanes, ref partial), 0);

        // z·h + (1 − z)·n = n + z·(h − n)
        TVector next = TLanes.MultiplyAdd(TLanes.Activate<TGate>(z), TLanes.Subtract(previous, candidate), candidate);
        TLanes.Store(next, ref hNew, (nuint)first);
    }
}
