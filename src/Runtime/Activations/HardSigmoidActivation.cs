using System;

namespace RnnGen.Activations;

/// <summary>
/// Keras 2 / TensorFlow.js / ONNX-default hard sigmoid: clip(0.2·x + 0.5, 0, 1). NaN stays NaN.
/// </summary>
public readonly struct HardSigmoidActivation : IElementwiseActivation
{
    /// <inheritdoc/>
    public static float Invoke(float x) => Math.Clamp((0.2f * x) + 0.5f, 0f, 1f);

    /// <inheritdoc/>
    public static void Apply(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Invoke(values[i]);
        }
    }
}
