using System;

namespace RnnGen.Activations;

/// <summary>
/// Keras 3 / PyTorch hard sigmoid: clip(x/6 + 0.5, 0, 1) (= relu6(x + 3) / 6). NaN stays NaN.
/// </summary>
public readonly struct HardSigmoidKeras3Activation : IElementwiseActivation
{
    /// <inheritdoc/>
    public static float Invoke(float x) => Math.Clamp((x / 6f) + 0.5f, 0f, 1f);

    /// <inheritdoc/>
    public static void Apply(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Invoke(values[i]);
        }
    }
}
