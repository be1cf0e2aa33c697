using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using RnnGen.Kernels;

namespace RnnGen.Activations;

/// <summary>
/// Keras 2 / TensorFlow.js / ONNX-default hard sigmoid: clip(0.2·x + 0.5, 0, 1), computed as a multiply then an
/// add like TensorFlow (max error 0 against that float32 formula). ±∞ → 1, 0; NaN stays NaN.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct HardSigmoidActivation : IElementwiseActivation
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float x) => Math.Clamp((0.2f * x) + 0.5f, 0f, 1f);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x) => VectorMath.KeepNaN(x, VectorMath.Clamp((x * 0.2f) + Vector128.Create(0.5f), 0f, 1f));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x) => VectorMath.KeepNaN(x, VectorMath.Clamp((x * 0.2f) + Vector256.Create(0.5f), 0f, 1f));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x) => VectorMath.KeepNaN(x, VectorMath.Clamp((x * 0.2f) + Vector512.Create(0.5f), 0f, 1f));

    /// <inheritdoc/>
    public static void Apply(Span<float> values) => ElementwiseDriver.Apply<HardSigmoidActivation>(values);
}
