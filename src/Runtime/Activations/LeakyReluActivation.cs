using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Activations;

/// <summary>
/// Leaky ReLU: x for x ≥ 0, α·x below (Keras <c>LeakyReLU</c>: α = 0.3 in Keras 2, <c>negative_slope</c> = 0.3 in the
/// Keras 3 layer; PyTorch <c>nn.LeakyReLU</c>: 0.01 — which is why generated code always states α). Exact: one rounded
/// multiply below 0. NaN stays NaN, −0 stays −0, ±∞ → ±∞ (for α &gt; 0).
/// </summary>
/// <typeparam name="TAlpha">α, the slope below 0.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct LeakyReluActivation<TAlpha> : IElementwiseActivation
    where TAlpha : struct, IActivationAlpha
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float x) => x < 0f ? x * TAlpha.Value : x;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x) => Vector128.ConditionalSelect(Vector128.LessThan(x, Vector128<float>.Zero), x * TAlpha.Value, x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x) => Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<float>.Zero), x * TAlpha.Value, x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x) => Vector512.ConditionalSelect(Vector512.LessThan(x, Vector512<float>.Zero), x * TAlpha.Value, x);

    /// <inheritdoc/>
    public static void Apply(Span<float> values) => ElementwiseDriver.Apply<LeakyReluActivation<TAlpha>>(values);
}
