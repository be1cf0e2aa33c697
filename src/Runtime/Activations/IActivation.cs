using System;

namespace RnnGen.Activations;

/// <summary>An activation applied in place to a layer's output vector. Implemented by empty structs so the JIT specialises every use.</summary>
public interface IActivation
{
    /// <summary>Applies the activation to every element of <paramref name="values"/>.</summary>
    static abstract void Apply(Span<float> values);
}

/// <summary>An activation that acts on each element alone, so it can also be used inside gate computations.</summary>
public interface IElementwiseActivation : IActivation
{
    /// <summary>The activation of one value.</summary>
    static abstract float Invoke(float x);
}
