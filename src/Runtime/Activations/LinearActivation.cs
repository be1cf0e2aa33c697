using System;

namespace RnnGen.Activations;

/// <summary>Identity: f(x) = x.</summary>
public readonly struct LinearActivation : IElementwiseActivation
{
    /// <inheritdoc/>
    public static float Invoke(float x) => x;

    /// <inheritdoc/>
    public static void Apply(Span<float> values)
    {
    }
}
