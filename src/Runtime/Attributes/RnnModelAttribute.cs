using System;

namespace RnnGen;

/// <summary>
/// Marks a <c>partial class</c> or <c>partial struct</c> as a recurrent model. The layer attributes
/// that follow it on the same declaration, in source order, are the model's layers (like a Keras Sequential).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class RnnModelAttribute : Attribute
{
    /// <summary>Declares a model; set <see cref="InputSize"/>.</summary>
    public RnnModelAttribute()
    {
    }

    /// <summary>Declares a model reading <paramref name="inputSize"/> floats per time step.</summary>
    public RnnModelAttribute(int inputSize) => InputSize = inputSize;

    /// <summary>Floats per time step of the model's input.</summary>
    public int InputSize { get; set; }
}
