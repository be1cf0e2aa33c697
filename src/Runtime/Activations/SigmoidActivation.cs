using System;

namespace RnnGen.Activations;

/// <summary>
/// Logistic sigmoid 1 / (1 + e^-x). σ(-∞) = 0 (e^∞ = ∞), σ(+∞) = 1, σ(NaN) = NaN.
/// </summary>
public readonly struct SigmoidActivation : IElementwiseActivation
{
    /// <inheritdoc/>
    public static float Invoke(float x) => 1f / (1f + MathF.Exp(-x));

    /// <inheritdoc/>
    public static void Apply(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Invoke(values[i]);
        }
    }
}
