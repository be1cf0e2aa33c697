using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnGen.Activations;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels;

/// <summary>
/// One SimpleRNN step, h = act(x·W + h·U + b), on <see cref="Weights.LanePacking"/> weights. One register per
/// block of L units, four blocks at a time so four FMA chains overlap.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SimpleRnnKernel<TLanes, TVector, TSizes, TActivation>
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
        if (weights.Length < Blocks * BlockLength || (projected ? projection.Length < Blocks * 1 * Lanes : input.Length < TSizes.InputSize) || state.Length < units || scratch.Length < Blocks * Lanes)
        {
            KernelErrors.ThrowSizes("SimpleRNN");
        }

        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float x = ref MemoryMarshal.GetReference(input);
        ref float p = ref MemoryMarshal.GetReference(projection);
        ref float h = ref MemoryMarshal.GetReference(state);
        ref float hNew = ref MemoryMarshal.GetReference(scratch);
        nuint bias = (nuint)((TSizes.InputSize + units) * Lanes);

        int block = 0;
        for (; block + 4 <= Blocks; block += 4)
        {
            ref float w0 = ref Unsafe.Add(ref w, block * BlockLength);
            ref float s0 = ref projected ? ref Unsafe.Add(ref p, block * Lanes) : ref Unsafe.Add(ref w0, bias);
            nuint next = (nuint)(projected ? Lanes : BlockLength);
            TVector a0 = TLanes.Load(ref s0, 0), a1 = TLanes.Load(ref s0, next), a2 = TLanes.Load(ref s0, 2 * next), a3 = TLanes.Load(ref s0, 3 * next);
            // Rows walked by moving references: base register plus constant loads on every platform (see LstmKernel).
            nuint stride = (nuint)BlockLength;
            ref float row0 = ref projected ? ref Unsafe.Add(ref w0, TSizes.InputSize * Lanes) : ref w0;
            ref float value = ref x;
            for (int row = 0; row < (projected ? 0 : TSizes.InputSize); row++)
            {
                TVector v = TLanes.Broadcast(value);
                a0 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, 0), a0);
                a1 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, stride), a1);
                a2 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, 2 * stride), a2);
                a3 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, 3 * stride), a3);
                row0 = ref Unsafe.Add(ref row0, Lanes);
                value = ref Unsafe.Add(ref value, 1);
            }

            value = ref h;
            for (int k = 0; k < units; k++)
            {
                TVector v = TLanes.Broadcast(value);
                a0 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, 0), a0);
                a1 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, stride), a1);
                a2 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, 2 * stride), a2);
                a3 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, 3 * stride), a3);
                row0 = ref Unsafe.Add(ref row0, Lanes);
                value = ref Unsafe.Add(ref value, 1);
            }

            nuint first = (nuint)(block * Lanes);
            nuint lanes = (nuint)Lanes;
            TLanes.Store(TLanes.Activate<TActivation>(a0), ref hNew, first);
            TLanes.Store(TLanes.Activate<TActivation>(a1), ref hNew, first + lanes);
            TLanes.Store(TLanes.Activate<TActivation>(a2), ref hNew, first + (2 * lanes));
            TLanes.Store(TLanes.Activate<TActivation>(a3), ref hNew, first + (3 * lanes));
        }

        // Fewer than four blocks left: each row sum is split over four accumulators, so four FMA chains
        // still overlap (one chain would wait the FMA latency on every row).
        for (; block < Blocks; block++)
        {
            ref float w0 = ref Unsafe.Add(ref w, block * BlockLength);
            TVector a0 = projected ? TLanes.Load(ref p, (nuint)(block * Lanes)) : TLanes.Load(ref w0, bias);
            TVector a1 = default, a2 = default, a3 = default;
            int first = projected ? TSizes.InputSize : 0;
            int rows = TSizes.InputSize + units;
            int row = first;
            for (; row + 4 <= rows; row += 4)
            {
                a0 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref x, ref h, row)), TLanes.Load(ref w0, (nuint)(row * Lanes)), a0);
                a1 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref x, ref h, row + 1)), TLanes.Load(ref w0, (nuint)((row + 1) * Lanes)), a1);
                a2 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref x, ref h, row + 2)), TLanes.Load(ref w0, (nuint)((row + 2) * Lanes)), a2);
                a3 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref x, ref h, row + 3)), TLanes.Load(ref w0, (nuint)((row + 3) * Lanes)), a3);
            }

            for (; row < rows; row++)
            {
                a0 = TLanes.MultiplyAdd(TLanes.Broadcast(Row(ref x, ref h, row)), TLanes.Load(ref w0, (nuint)(row * Lanes)), a0);
            }

            TVector sum = TLanes.Add(TLanes.Add(a0, a1), TLanes.Add(a2, a3));
            TLanes.Store(TLanes.Activate<TActivation>(sum), ref hNew, (nuint)(block * Lanes));
        }

        BlockRef.Copy(ref h, ref hNew, units);
    }

    /// <summary>The value of row <paramref name="row"/> of [x, h] (shared with the batch kernel).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Row(ref float x, ref float h, int row) =>
        row < TSizes.InputSize ? Unsafe.Add(ref x, row) : Unsafe.Add(ref h, row - TSizes.InputSize);
}
