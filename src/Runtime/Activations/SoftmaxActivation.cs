using System;
using System.ComponentModel;

namespace RnnGen.Activations;

/// <summary>
/// Softmax over the whole vector: e^(x - max) / Σ e^(x - max), the max subtracted so large logits do not overflow.
/// A NaN anywhere makes every output NaN; +∞ inputs give NaN, as in Keras.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SoftmaxActivation : IActivation
{
    /// <inheritdoc/>
    public static void Apply(Span<float> values)
    {
        float max = float.NegativeInfinity;
        foreach (float value in values)
        {
            max = MathF.Max(max, value);
        }

        float sum = 0f;
        for (int i = 0; i < values.Length; i++)
        {
            float e = MathF.Exp(values[i] - max);
            values[i] = e;
            sum += e;
        }

        for (int i = 0; i < values.Length; i++)
        {
            values[i] /= sum;
        }
    }
}
