using System;

namespace RnnGen;

/// <summary>
/// A standalone activation layer, y = act(x) on every output of the layer before it (Keras <c>Activation</c>,
/// <c>ELU</c>, <c>LeakyReLU</c> layers, PyTorch <c>nn.Tanh</c>, <c>nn.ReLU</c>, <c>nn.ELU</c>, …). After a Dense layer
/// without activation, prefer that Dense's <c>Activation</c>: same result, one pass less.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class ActivationLayerAttribute : Attribute
{
    /// <summary>Declares the layer.</summary>
    public ActivationLayerAttribute(Activation activation) => Activation = activation;

    /// <summary>The activation (Softmax allowed).</summary>
    public Activation Activation { get; }

    /// <summary>α of <see cref="Activation.Elu"/> (default 1) or <see cref="Activation.LeakyRelu"/> (required).</summary>
    public float Alpha { get; set; } = LayerDefaults.UnsetAlpha;
}
