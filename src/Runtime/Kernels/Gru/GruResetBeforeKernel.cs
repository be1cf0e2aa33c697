using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnGen.Activations;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels;

/// <summary>
/// One original-form GRU step (Keras reset_after=False, ONNX linear_before_reset=0), n = act(W_n·x + U_n·(r ⊙ h) + b_n),
/// on <see cref="Weights.LanePacking"/> weights. The candidate needs every unit's r ⊙ h before any of its sums, so
/// the step makes two passes over the packed blocks:
/// <list type="number">
/// <item>z, r and the candidate's input part of every block from [x, h] (registers 0–2 of the input rows, 0–1 of the
/// hidden rows); σ(z), the input part and r ⊙ h wait in scratch.</item>
/// <item>U_n·(r ⊙ h) from register 2 of the hidden rows, then h = z·h + (1 − z)·n in place: this pass reads only
/// r ⊙ h and the block's own h, so no block needs another's old h any more.</item>
/// </list>
/// Two blocks go at a time, and the second pass splits each sum over even and odd rows, so four or more FMA chains are
/// in flight. The packing keeps each pass's weights contiguous (<see cref="Weights.LanePacking.Position"/>): hidden
/// rows' z and r together, their candidate weights after the bias row. The candidate's biases are one, in the bias row.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GruResetBeforeKernel<TLanes, TVector, TSizes, TGate, TActivation>
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
        get => PackedLayout<TLanes, TVector, TSizes, GruResetBeforePacking>.RowLength;
    }

    // The packed block (LanePacking.Position): inputs z r n, hidden z r, bias z r n, hidden n.
    private static int BlockLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, GruResetBeforePacking>.BlockLength;
    }

    private static int HiddenStart
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, GruResetBeforePacking>.HiddenRowsStart;
    }

    /// <summary>Floats from a block's start to its bias row (for the input projection of Run).</summary>
    public static int BiasStart
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => HiddenStart + (TSizes.Units * 2 * Lanes);
    }

    private static int CandidateStart
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BiasStart + RowLength;
    }

    private static int Blocks
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedLayout<TLanes, TVector, TSizes, GruResetBeforePacking>.Blocks;
    }

    /// <summary>Scratch floats of one step: σ(z), the candidate's input part and r ⊙ h of every block, and one register for a partial block.</summary>
    public static int ScratchLength => PackedLayout<TLanes, TVector, TSizes, GruResetBeforePacking>.ResetBeforeScratchLength;

    /// <summary>Advances h (<paramref name="state"/>) by one input vector.</summary>
    public static void Step(ReadOnlySpan<float> weights, ReadOnlySpan<float> input, Span<float> state, Span<float> scratch) =>
        Core<FromInput>(weights, input, default, state, scratch);

    /// <summary>
    /// As <see cref="Step"/>, but the input's contribution (bias included) was computed beforehand by
    /// <see cref="LaneProjection{TLanes, TVector, TSizes, TPacking}"/>: <paramref name="projection"/> holds it for this step.
    /// </summary>
    public static void Recur(ReadOnlySpan<float> weights, ReadOnlySpan<float> projection, Span<float> state, Span<float> scratch) =>
        Core<FromProjection>(weights, default, projection, state, scratch);

    // Compiled optimised at once: PathCalibration times this code when a model is created, before tiering would reach it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Core<TMode>(ReadOnlySpan<float> weights, ReadOnlySpan<float> input, ReadOnlySpan<float> projection, Span<float> state, Span<float> scratch)
        where TMode : struct, IStepMode
    {
        bool projected = TMode.Projected;
        if (weights.Length < Blocks * BlockLength || (projected ? projection.Length < Blocks * RowLength : input.Length < TSizes.InputSize) || state.Length < TSizes.Units || scratch.Length < ScratchLength)
        {
            KernelErrors.ThrowSizes("original-form GRU");
        }

        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float x = ref MemoryMarshal.GetReference(input);
        ref float p = ref MemoryMarshal.GetReference(projection);
        ref float h = ref MemoryMarshal.GetReference(state);
        ref float update = ref MemoryMarshal.GetReference(scratch);
        ref float inputPart = ref Unsafe.Add(ref update, Blocks * Lanes);
        ref float resetHidden = ref Unsafe.Add(ref inputPart, Blocks * Lanes);
        ref float partial = ref Unsafe.Add(ref resetHidden, Blocks * Lanes);

        int block = 0;
        for (; block + 2 <= Blocks; block += 2)
        {
            Gates<TMode, Two>(ref w, ref x, ref p, ref h, block, ref update, ref inputPart, ref resetHidden, ref partial);
        }

        if (block < Blocks)
        {
            Gates<TMode, One>(ref w, ref x, ref p, ref h, block, ref update, ref inputPart, ref resetHidden, ref partial);
        }

        // Every r ⊙ h is known: the candidates, and h in place.
        for (block = 0; block + 2 <= Blocks; block += 2)
        {
            Candidates<Two>(ref w, ref h, block, ref update, ref inputPart, ref resetHidden, ref partial);
        }

        if (block < Blocks)
        {
            Candidates<One>(ref w, ref h, block, ref update, ref inputPart, ref resetHidden, ref partial);
        }
    }

    /// <summary>Pass 1 for <typeparamref name="TCount"/> blocks from <paramref name="block"/>: σ(z), the candidate's input part and r ⊙ h into scratch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Gates<TMode, TCount>(ref float w, ref float x, ref float p, ref float h, int block, ref float update, ref float inputPart, ref float resetHidden, ref float partial)
        where TMode : struct, IStepMode
        where TCount : struct, ICount
    {
        bool projected = TMode.Projected;
        bool two = TCount.Count == 2;
        nuint lanes = (nuint)Lanes;
        nuint bias = (nuint)BiasStart;
        ref float w0 = ref Unsafe.Add(ref w, block * BlockLength);
        ref float s0 = ref projected ? ref Unsafe.Add(ref p, block * RowLength) : ref Unsafe.Add(ref w0, bias);
        ref float s1 = ref Unsafe.Add(ref s0, !two ? 0 : projected ? RowLength : BlockLength);
        TVector z0 = TLanes.Load(ref s0, 0), r0 = TLanes.Load(ref s0, lanes), n0 = TLanes.Load(ref s0, 2 * lanes);
        TVector z1 = z0, r1 = r0, n1 = n0;
        if (two)
        {
            z1 = TLanes.Load(ref s1, 0); r1 = TLanes.Load(ref s1, lanes); n1 = TLanes.Load(ref s1, 2 * lanes);
        }

        // Rows walked by moving references: base register plus constant loads on every platform (see LstmKernel).
        nuint pair = (nuint)(two ? BlockLength : 0);
        ref float row0 = ref w0;
        ref float value = ref x;
        for (int row = 0; row < (projected ? 0 : TSizes.InputSize); row++)
        {
            TVector v = TLanes.Broadcast(value);
            z0 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, 0), z0);
            r0 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, lanes), r0);
            n0 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, 2 * lanes), n0);
            if (two)
            {
                z1 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, pair), z1);
                r1 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, pair + lanes), r1);
                n1 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, pair + (2 * lanes)), n1);
            }

            row0 = ref Unsafe.Add(ref row0, RowLength);
            value = ref Unsafe.Add(ref value, 1);
        }

        row0 = ref Unsafe.Add(ref w0, HiddenStart);
        value = ref h;
        for (int k = 0; k < TSizes.Units; k++)
        {
            TVector v = TLanes.Broadcast(value);
            z0 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, 0), z0);
            r0 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, lanes), r0);
            if (two)
            {
                z1 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, pair), z1);
                r1 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, pair + lanes), r1);
            }

            row0 = ref Unsafe.Add(ref row0, 2 * Lanes);
            value = ref Unsafe.Add(ref value, 1);
        }

        // Park the raw sums first, so no accumulator lives past the loops (the JIT would spill them inside the
        // loops: a partial block's copy may call a helper); then activate them from scratch.
        nuint first = (nuint)(block * Lanes);
        TLanes.Store(z0, ref update, first);
        TLanes.Store(n0, ref inputPart, first);
        TLanes.Store(r0, ref resetHidden, first);
        if (two)
        {
            TLanes.Store(z1, ref update, first + lanes);
            TLanes.Store(n1, ref inputPart, first + lanes);
            TLanes.Store(r1, ref resetHidden, first + lanes);
        }

        Activate(block, ref h, ref update, ref resetHidden, ref partial);
        if (two)
        {
            Activate(block + 1, ref h, ref update, ref resetHidden, ref partial);
        }
    }

    /// <summary>σ(z) in place, and r ⊙ h over the parked r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Activate(int block, ref float h, ref float update, ref float resetHidden, ref float partial)
    {
        nuint first = (nuint)(block * Lanes);
        TVector previous = TLanes.Load(ref BlockRef.Enter(ref h, (int)first, TSizes.Units, Lanes, ref partial), 0);
        TLanes.Store(TLanes.Activate<TGate>(TLanes.Load(ref update, first)), ref update, first);
        TLanes.Store(TLanes.Multiply(TLanes.Activate<TGate>(TLanes.Load(ref resetHidden, first)), previous), ref resetHidden, first);
    }

    /// <summary>Pass 2 for <typeparamref name="TCount"/> blocks from <paramref name="block"/>: n = act(input part + U_n·(r ⊙ h)), then h = n + z·(h − n).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Candidates<TCount>(ref float w, ref float h, int block, ref float update, ref float inputPart, ref float resetHidden, ref float partial)
        where TCount : struct, ICount
    {
        bool two = TCount.Count == 2;
        nuint lanes = (nuint)Lanes;
        ref float w0 = ref Unsafe.Add(ref w, block * BlockLength);
        nuint first = (nuint)(block * Lanes);
        TVector even0 = TLanes.Load(ref inputPart, first), odd0 = TLanes.Broadcast(0f);
        TVector even1 = even0, odd1 = odd0;
        if (two)
        {
            even1 = TLanes.Load(ref inputPart, first + lanes);
        }

        // Even and odd rows in separate sums: twice the FMA chains of one block pair.
        nuint pair = (nuint)(two ? BlockLength : 0);
        ref float row0 = ref Unsafe.Add(ref w0, CandidateStart);
        ref float value = ref resetHidden;
        int k = 0;
        for (; k + 2 <= TSizes.Units; k += 2)
        {
            TVector v = TLanes.Broadcast(value);
            TVector u = TLanes.Broadcast(Unsafe.Add(ref value, 1));
            even0 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, 0), even0);
            odd0 = TLanes.MultiplyAdd(u, TLanes.Load(ref row0, lanes), odd0);
            if (two)
            {
                even1 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, pair), even1);
                odd1 = TLanes.MultiplyAdd(u, TLanes.Load(ref row0, pair + lanes), odd1);
            }

            row0 = ref Unsafe.Add(ref row0, 2 * Lanes);
            value = ref Unsafe.Add(ref value, 2);
        }

        if (k < TSizes.Units)
        {
            TVector v = TLanes.Broadcast(value);
            even0 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, 0), even0);
            if (two)
            {
                even1 = TLanes.MultiplyAdd(v, TLanes.Load(ref row0, pair), even1);
            }
        }

        // The candidates' sums replace their input parts (parked as in pass 1), then h is updated from scratch.
        TLanes.Store(TLanes.Add(even0, odd0), ref inputPart, first);
        if (two)
        {
            TLanes.Store(TLanes.Add(even1, odd1), ref inputPart, first + lanes);
        }

        Update(block, ref h, ref update, ref inputPart, ref partial);
        if (two)
        {
            Update(block + 1, ref h, ref update, ref inputPart, ref partial);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(int block, ref float h, ref float update, ref float sums, ref float partial)
    {
        int first = block * Lanes;
        TVector candidate = TLanes.Activate<TActivation>(TLanes.Load(ref sums, (nuint)first));
        ref float hBlock = ref BlockRef.Enter(ref h, first, TSizes.Units, Lanes, ref partial);

        // z·h + (1 − z)·n = n + z·(h − n)
        TVector next = TLanes.MultiplyAdd(TLanes.Load(ref update, (nuint)first), TLanes.Subtract(TLanes.Load(ref hBlock, 0), candidate), candidate);
        TLanes.Store(next, ref hBlock, 0);
        BlockRef.Leave(ref h, first, TSizes.Units, Lanes, ref partial);
    }
}
