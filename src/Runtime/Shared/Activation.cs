namespace RnnGen;

/// <summary>Activation functions, with the exact formulas of Keras / PyTorch / ONNX.</summary>
#if RNNGEN_GENERATOR
internal
#else
public
#endif
enum Activation
{
    /// <summary>Identity.</summary>
    Linear = 0,

    /// <summary>Hyperbolic tangent.</summary>
    Tanh = 1,

    /// <summary>Logistic sigmoid 1 / (1 + e^-x).</summary>
    Sigmoid = 2,

    /// <summary><c>clip(0.2·x + 0.5, 0, 1)</c>: Keras 2, TensorFlow.js, ONNX HardSigmoid defaults.</summary>
    HardSigmoid = 3,

    /// <summary>max(x, 0).</summary>
    Relu = 4,

    /// <summary>Softmax over the layer's units; Dense layers only.</summary>
    Softmax = 5,

    /// <summary><c>clip(x/6 + 0.5, 0, 1)</c>: Keras 3's hard_sigmoid, PyTorch's Hardsigmoid.</summary>
    HardSigmoidKeras3 = 6,

    /// <summary>x for x &gt; 0, α·(eˣ − 1) below: Keras <c>elu</c>, PyTorch <c>nn.ELU</c>; α is the layer's <c>Alpha</c> (default 1).</summary>
    Elu = 7,

    /// <summary>x for x ≥ 0, α·x below: Keras <c>LeakyReLU</c>, PyTorch <c>nn.LeakyReLU</c>; α is the layer's <c>Alpha</c>, which must be set (Keras 2: 0.3, Keras 3: 0.2 or 0.3, PyTorch: 0.01).</summary>
    LeakyRelu = 8,
}
