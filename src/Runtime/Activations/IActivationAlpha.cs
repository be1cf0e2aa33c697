using System.ComponentModel;

namespace RnnGen.Activations;

/// <summary>
/// The α of a parameterised activation (<see cref="EluActivation{TAlpha}"/>, <see cref="LeakyReluActivation{TAlpha}"/>)
/// as a compile-time constant: generated code declares one empty struct per layer that returns the declared value,
/// so kernels specialise on it like on the sizes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IActivationAlpha
{
    /// <summary>The α.</summary>
    static abstract float Value { get; }
}
