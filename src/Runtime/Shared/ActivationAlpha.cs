using System.ComponentModel;

namespace RnnGen;

/// <summary>Which activations take an α (a layer's <c>Alpha</c>) and its default: one rule for the generator, import and docs.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#if RNNGEN_GENERATOR
internal
#else
public
#endif
static class ActivationAlpha
{
    /// <summary>Whether <paramref name="activation"/> reads the layer's α: ELU and Leaky ReLU.</summary>
    public static bool Uses(Activation activation) => activation is Activation.Elu or Activation.LeakyRelu;

    /// <summary>
    /// The α when the declaration gives none: 1 for ELU (Keras, PyTorch and TensorFlow.js agree); none (null) for Leaky
    /// ReLU, whose default differs by framework (Keras 2 0.3, PyTorch 0.01), so it must be declared.
    /// </summary>
    public static float? Default(Activation activation) => activation == Activation.Elu ? 1f : null;
}
