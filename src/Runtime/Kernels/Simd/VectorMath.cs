using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace RnnGen.Kernels;

/// <summary>
/// Fused multiply-add, division, clamping and NaN handling for every vector width. The platform checks are JIT/AOT-time constants,
/// so each call compiles to one instruction sequence.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VectorMath
{
    /// <summary>Keeps x where x is a number and NaN where it is NaN (min/max instructions would turn NaN into a bound).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> KeepNaN(Vector128<float> x, Vector128<float> result) => Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x);

    /// <inheritdoc cref="KeepNaN(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> KeepNaN(Vector256<float> x, Vector256<float> result) => Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);

    /// <inheritdoc cref="KeepNaN(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> KeepNaN(Vector512<float> x, Vector512<float> result) => Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);

    /// <summary>x limited to [low, high] with the plain min/max instructions (NaN in, a bound out).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Clamp(Vector128<float> x, float low, float high) =>
#if NET9_0_OR_GREATER
        Vector128.MinNative(Vector128.MaxNative(x, Vector128.Create(low)), Vector128.Create(high));
#else
        Vector128.Min(Vector128.Max(x, Vector128.Create(low)), Vector128.Create(high));
#endif

    /// <inheritdoc cref="Clamp(Vector128{float}, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Clamp(Vector256<float> x, float low, float high) =>
#if NET9_0_OR_GREATER
        Vector256.MinNative(Vector256.MaxNative(x, Vector256.Create(low)), Vector256.Create(high));
#else
        Vector256.Min(Vector256.Max(x, Vector256.Create(low)), Vector256.Create(high));
#endif

    /// <inheritdoc cref="Clamp(Vector128{float}, float, float)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Clamp(Vector512<float> x, float low, float high) =>
#if NET9_0_OR_GREATER
        Vector512.MinNative(Vector512.MaxNative(x, Vector512.Create(low)), Vector512.Create(high));
#else
        Vector512.Min(Vector512.Max(x, Vector512.Create(low)), Vector512.Create(high));
#endif

    /// <summary>
    /// n / d, through the hardware reciprocal estimate refined by Newton–Raphson (one step after AVX-512's 14-bit
    /// estimate, two after SSE/AVX's 12-bit or NEON's 8-bit one) where there is one, else a true division: a
    /// division occupies the divider for several cycles, and activations of many registers would queue behind it.
    /// For positive normal d (every caller's denominator is ≥ 1 or ≥ 0.0049). Within 2 ulp of n / d.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Divide(Vector128<float> n, Vector128<float> d)
    {
        if (Avx512F.VL.IsSupported)
        {
            return n * Refine(d, Avx512F.VL.Reciprocal14(d));
        }

        if (Sse.IsSupported)
        {
            return n * Refine(d, Refine(d, Sse.Reciprocal(d)));
        }

        if (AdvSimd.IsSupported)
        {
            Vector128<float> r = AdvSimd.ReciprocalEstimate(d);
            r *= AdvSimd.ReciprocalStep(d, r);
            return n * (r * AdvSimd.ReciprocalStep(d, r));
        }

        return n / d;
    }

    /// <inheritdoc cref="Divide(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Divide(Vector256<float> n, Vector256<float> d)
    {
        if (Avx512F.VL.IsSupported)
        {
            return n * Refine(d, Avx512F.VL.Reciprocal14(d));
        }

        if (Avx.IsSupported)
        {
            return n * Refine(d, Refine(d, Avx.Reciprocal(d)));
        }

        return n / d;
    }

    /// <inheritdoc cref="Divide(Vector128{float}, Vector128{float})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Divide(Vector512<float> n, Vector512<float> d) =>
        Avx512F.IsSupported ? n * Refine(d, Avx512F.Reciprocal14(d)) : n / d;

    // One Newton–Raphson step for 1/d: r + r·(1 − d·r), doubling the correct bits of r.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Refine(Vector128<float> d, Vector128<float> r) => MultiplyAdd(r, MultiplyAdd(-d, r, Vector128<float>.One), r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Refine(Vector256<float> d, Vector256<float> r) => MultiplyAdd(r, MultiplyAdd(-d, r, Vector256<float>.One), r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Refine(Vector512<float> d, Vector512<float> r) => MultiplyAdd(r, MultiplyAdd(-d, r, Vector512<float>.One), r);

    /// <summary>a·b + c, fused where the CPU has FMA (x64 FMA3, ARM64 AdvSimd).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c)
    {
        if (Fma.IsSupported)
        {
            return Fma.MultiplyAdd(a, b, c);
        }

        if (AdvSimd.IsSupported)
        {
            return AdvSimd.FusedMultiplyAdd(c, a, b);
        }

        return (a * b) + c;
    }

    /// <summary>a·b + c, fused where the CPU has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    /// <summary>a·b + c, fused on AVX-512.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : (a * b) + c;
}
