using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using RnnGen.Kernels;

namespace RnnGen.Activations;

/// <summary>
/// Keras 3 / PyTorch hard sigmoid: clip(x/6 + 0.5, 0, 1) (= relu6(x + 3) / 6), as x·(1/6) + 0.5: within 1 ulp of
/// the exact value. ±∞ → 1, 0; NaN stays NaN.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct HardSigmoidKeras3Activation : IElementwiseActivation
{
    private const float Sixth = 1f / 6f;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float x) => Math.Clamp((x * Sixth) + 0.5f, 0f, 1f);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x) => VectorMath.KeepNaN(x, VectorMath.Clamp((x * Sixth) + Vector128.Create(0.5f), 0f, 1f));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x) => VectorMath.KeepNaN(x, VectorMath.Clamp((x * Sixth) + Vector256.Create(0.5f), 0f, 1f));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x) => VectorMath.KeepNaN(x, VectorMath.Clamp((x * Sixth) + Vector512.Create(0.5f), 0f, 1f));

    /// <inheritdoc/>
    public static void Apply(Span<float> values) => ElementwiseDriver.Apply<HardSigmoidKeras3Activation>(values);
}
