using System;

namespace RnnGen.Activations;

/// <summary>
/// Hyperbolic tangent through <see cref="MathF.Tanh"/> (correctly rounded to within an ulp by the platform's libm).
/// tanh(±∞) = ±1, tanh(NaN) = NaN.
/// </summary>
public readonly struct TanhActivation : IElementwiseActivation
{
    /// <inheritdoc/>
    public static float Invoke(float x) => MathF.Tanh(x);

    /// <inheritdoc/>
    public static void Apply(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = MathF.Tanh(values[i]);
        }
    }
}
