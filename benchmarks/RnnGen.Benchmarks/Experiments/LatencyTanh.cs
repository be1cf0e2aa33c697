using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using RnnGen.Activations;
using RnnGen.Kernels;

namespace RnnGen.Benchmarks.Experiments;

/// <summary>
/// The runtime's tanh rational (same coefficients as <see cref="TanhActivation"/>) evaluated for a short dependency
/// chain instead of few operations: both polynomials by Estrin's scheme (x², x⁴, x⁸ and pairs in parallel) and a
/// true division instead of the reciprocal estimate refined twice. Tried for issue 14; not in the runtime.
/// </summary>
public readonly struct LatencyTanh : IElementwiseActivation
{
    private const float Limit = 7.90531110763549805f;
    private const float A1 = 4.89352455891786e-03f, A3 = 6.37261928875436e-04f, A5 = 1.48572235717979e-05f, A7 = 5.12229709037114e-08f;
    private const float A9 = -8.60467152213735e-11f, A11 = 2.00018790482477e-13f, A13 = -2.76076847742355e-16f;
    private const float B0 = 4.89352518554385e-03f, B2 = 2.26843463243900e-03f, B4 = 1.18534705686654e-04f, B6 = 1.19825839466702e-06f;

    public static float Invoke(float x) => TanhActivation.Invoke(x);

    public static void Apply(Span<float> values) => throw new NotSupportedException("an experiment: vectors only");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x)
    {
        Vector128<float> c = VectorMath.Clamp(x, -Limit, Limit);
        Vector128<float> x2 = c * c, x4 = x2 * x2, x8 = x4 * x4;
        Vector128<float> low = VectorMath.MultiplyAdd(VectorMath.MultiplyAdd(Vector128.Create(A7), x2, Vector128.Create(A5)), x4, VectorMath.MultiplyAdd(Vector128.Create(A3), x2, Vector128.Create(A1)));
        Vector128<float> high = VectorMath.MultiplyAdd(Vector128.Create(A13), x4, VectorMath.MultiplyAdd(Vector128.Create(A11), x2, Vector128.Create(A9)));
        Vector128<float> p = VectorMath.MultiplyAdd(high, x8, low);
        Vector128<float> q = VectorMath.MultiplyAdd(VectorMath.MultiplyAdd(Vector128.Create(B6), x2, Vector128.Create(B4)), x4, VectorMath.MultiplyAdd(Vector128.Create(B2), x2, Vector128.Create(B0)));
        return VectorMath.KeepNaN(x, (c * p) / q);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x)
    {
        Vector256<float> c = VectorMath.Clamp(x, -Limit, Limit);
        Vector256<float> x2 = c * c, x4 = x2 * x2, x8 = x4 * x4;
        Vector256<float> low = VectorMath.MultiplyAdd(VectorMath.MultiplyAdd(Vector256.Create(A7), x2, Vector256.Create(A5)), x4, VectorMath.MultiplyAdd(Vector256.Create(A3), x2, Vector256.Create(A1)));
        Vector256<float> high = VectorMath.MultiplyAdd(Vector256.Create(A13), x4, VectorMath.MultiplyAdd(Vector256.Create(A11), x2, Vector256.Create(A9)));
        Vector256<float> p = VectorMath.MultiplyAdd(high, x8, low);
        Vector256<float> q = VectorMath.MultiplyAdd(VectorMath.MultiplyAdd(Vector256.Create(B6), x2, Vector256.Create(B4)), x4, VectorMath.MultiplyAdd(Vector256.Create(B2), x2, Vector256.Create(B0)));
        return VectorMath.KeepNaN(x, (c * p) / q);
    }

    public static Vector512<float> Invoke(Vector512<float> x) => throw new NotSupportedException("an experiment: up to 256 bits");
}

/// <summary>σ(x) = ½·tanh(x/2) + ½ on <see cref="LatencyTanh"/>, as <see cref="SigmoidActivation"/> is on the runtime's tanh.</summary>
public readonly struct LatencySigmoid : IElementwiseActivation
{
    public static float Invoke(float x) => SigmoidActivation.Invoke(x);

    public static void Apply(Span<float> values) => throw new NotSupportedException("an experiment: vectors only");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x) => VectorMath.MultiplyAdd(LatencyTanh.Invoke(x * 0.5f), Vector128.Create(0.5f), Vector128.Create(0.5f));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x) => VectorMath.MultiplyAdd(LatencyTanh.Invoke(x * 0.5f), Vector256.Create(0.5f), Vector256.Create(0.5f));

    public static Vector512<float> Invoke(Vector512<float> x) => throw new NotSupportedException("an experiment: up to 256 bits");
}
