using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace RnnGen.Kernels;

/// <summary>
/// Fused multiply-add and e^x for every vector width. The platform checks are JIT/AOT-time constants,
/// so each call compiles to one instruction sequence.
/// </summary>
public static class VectorMath
{
    // e^x = 2^n · e^r with n = round(x·log2 e), r = x − n·ln 2 (ln 2 split in two for exactness), and
    // e^r from the degree-6 polynomial of Cephes' expf (relative error about 1.5e-7 on [-ln2/2, ln2/2]).
    private const float MaxInput = 88.02f; // n ≤ 127, so 2^n stays a normal float
    private const float MinInput = -87.3365447504020f;
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;
    private const float P0 = 1.9875691500e-4f;
    private const float P1 = 1.3981999507e-3f;
    private const float P2 = 8.3334519073e-3f;
    private const float P3 = 4.1665795894e-2f;
    private const float P4 = 1.6666665459e-1f;
    private const float P5 = 5.0000001201e-1f;

    /// <summary>The scalar twin of the vector <c>Exp</c>: same clamp, same polynomial, so every path agrees.</summary>
    public static float Exp(float x)
    {
        x = Math.Clamp(x, MinInput, MaxInput);
        float n = MathF.Floor((x * Log2E) + 0.5f);
        float r = x - (n * Ln2High);
        r -= n * Ln2Low;
        float p = P0;
        p = (p * r) + P1;
        p = (p * r) + P2;
        p = (p * r) + P3;
        p = (p * r) + P4;
        p = (p * r) + P5;
        p = (p * r * r) + r + 1f;
        return p * BitConverter.Int32BitsToSingle(((int)n + 127) << 23);
    }

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

    /// <summary>e^x with x clamped to [-87.34, 88.02] (e^-∞ ≈ 1.2e-38, e^+∞ ≈ 1.6e38); NaN handling is the caller's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x)
    {
        x = Clamp(x, MinInput, MaxInput);
        Vector128<float> n = Vector128.Floor(MultiplyAdd(x, Vector128.Create(Log2E), Vector128.Create(0.5f)));
        Vector128<float> r = MultiplyAdd(n, Vector128.Create(-Ln2High), x);
        r = MultiplyAdd(n, Vector128.Create(-Ln2Low), r);
        Vector128<float> p = Vector128.Create(P0);
        p = MultiplyAdd(p, r, Vector128.Create(P1));
        p = MultiplyAdd(p, r, Vector128.Create(P2));
        p = MultiplyAdd(p, r, Vector128.Create(P3));
        p = MultiplyAdd(p, r, Vector128.Create(P4));
        p = MultiplyAdd(p, r, Vector128.Create(P5));
        p = MultiplyAdd(p, r * r, r + Vector128<float>.One);
        Vector128<int> scale = Vector128.ShiftLeft(Vector128.ConvertToInt32(n) + Vector128.Create(127), 23);
        return p * scale.AsSingle();
    }

    /// <summary>e^x, 256 bits at a time; see the 128-bit overload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        x = Clamp(x, MinInput, MaxInput);
        Vector256<float> n = Vector256.Floor(MultiplyAdd(x, Vector256.Create(Log2E), Vector256.Create(0.5f)));
        Vector256<float> r = MultiplyAdd(n, Vector256.Create(-Ln2High), x);
        r = MultiplyAdd(n, Vector256.Create(-Ln2Low), r);
        Vector256<float> p = Vector256.Create(P0);
        p = MultiplyAdd(p, r, Vector256.Create(P1));
        p = MultiplyAdd(p, r, Vector256.Create(P2));
        p = MultiplyAdd(p, r, Vector256.Create(P3));
        p = MultiplyAdd(p, r, Vector256.Create(P4));
        p = MultiplyAdd(p, r, Vector256.Create(P5));
        p = MultiplyAdd(p, r * r, r + Vector256<float>.One);
        Vector256<int> scale = Vector256.ShiftLeft(Vector256.ConvertToInt32(n) + Vector256.Create(127), 23);
        return p * scale.AsSingle();
    }

    /// <summary>e^x, 512 bits at a time; see the 128-bit overload.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        x = Clamp(x, MinInput, MaxInput);
        Vector512<float> n = Vector512.Floor(MultiplyAdd(x, Vector512.Create(Log2E), Vector512.Create(0.5f)));
        Vector512<float> r = MultiplyAdd(n, Vector512.Create(-Ln2High), x);
        r = MultiplyAdd(n, Vector512.Create(-Ln2Low), r);
        Vector512<float> p = Vector512.Create(P0);
        p = MultiplyAdd(p, r, Vector512.Create(P1));
        p = MultiplyAdd(p, r, Vector512.Create(P2));
        p = MultiplyAdd(p, r, Vector512.Create(P3));
        p = MultiplyAdd(p, r, Vector512.Create(P4));
        p = MultiplyAdd(p, r, Vector512.Create(P5));
        p = MultiplyAdd(p, r * r, r + Vector512<float>.One);
        Vector512<int> scale = Vector512.ShiftLeft(Vector512.ConvertToInt32(n) + Vector512.Create(127), 23);
        return p * scale.AsSingle();
    }
}
