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

    /// <summary>
    /// A safetensors file whose weights are baked into the binary at build time, exposed as the generated
    /// <c>static Default</c> model. List the file as <c>&lt;AdditionalFiles&gt;</c> and import
    /// <c>RnnGen.Weights.targets</c> (it makes the binary file readable to the generator); the path matches the end of
    /// the item's path, e.g. <c>"gesture.safetensors"</c> or <c>"models/gesture.safetensors"</c>. Every tensor is
    /// checked against the declared layers when the project builds, and a mismatch is a compiler error.
    /// </summary>
    public string? Weights { get; set; }

    /// <summary>Whose tensor names and shapes the <see cref="Weights"/> file uses: <see cref="WeightLayout.PyTorch"/> or <see cref="WeightLayout.Keras"/>. Required with <see cref="Weights"/>.</summary>
    public WeightLayout Layout { get; set; }

    /// <summary>
    /// Adds each step's first <c>Skip</c> input features to its first <c>Skip</c> outputs, after the last layer: the
    /// residual of GuitarML / Automated-GuitarAmpModelling models (their JSON's <c>skip</c>; PyTorch
    /// <c>lin(lstm(x)) + x[..., :skip]</c>). At most min(InputSize, OutputSize); every recurrent layer must be Forward.
    /// </summary>
    public int Skip { get; set; }
}
