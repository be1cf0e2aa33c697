using System;
using System.ComponentModel;
using System.Runtime.Intrinsics;

namespace RnnGen.Activations;

/// <summary>An activation applied in place to a layer's output vector. Implemented by empty structs so the JIT specialises every use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IActivation
{
    /// <summary>Applies the activation to every element of <paramref name="values"/>.</summary>
    static abstract void Apply(Span<float> values);
}

/// <summary>
/// An activation that acts on each element alone, at every vector width, so kernels can apply it to gate
/// registers. All widths compute the same formula; the scalar one is the reference for tails.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IElementwiseActivation : IActivation
{
    /// <summary>The activation of one value.</summary>
    static abstract float Invoke(float x);

    /// <summary>The activation of 4 values (SSE, NEON).</summary>
    static abstract Vector128<float> Invoke(Vector128<float> x);

    /// <summary>The activation of 8 values (AVX2).</summary>
    static abstract Vector256<float> Invoke(Vector256<float> x);

    /// <summary>The activation of 16 values (AVX-512).</summary>
    static abstract Vector512<float> Invoke(Vector512<float> x);
}
