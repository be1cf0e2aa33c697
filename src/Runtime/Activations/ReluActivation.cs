using System;

namespace RnnGen.Activations;

/// <summary>max(x, 0). NaN stays NaN (as in PyTorch).</summary>
public readonly struct ReluActivation : IElementwiseActivation
{
    /// <inheritdoc/>
    public static float Invoke(float x) => x < 0f ? 0f : x;

    /// <inheritdoc/>
    public static void Apply(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Invoke(values[i]);
        }
    }
}
