namespace RnnGen;

/// <summary>The kind of one layer of a generated model.</summary>
#if RNNGEN_GENERATOR
internal
#else
public
#endif
enum LayerKind
{
    /// <summary>Fully connected layer (Keras <c>Dense</c>, PyTorch <c>nn.Linear</c>, ONNX <c>Gemm</c>).</summary>
    Dense = 0,

    /// <summary>Elman recurrent layer (Keras <c>SimpleRNN</c>, PyTorch <c>nn.RNN</c>, ONNX <c>RNN</c>).</summary>
    SimpleRnn = 1,

    /// <summary>Long short-term memory layer.</summary>
    Lstm = 2,

    /// <summary>Gated recurrent unit layer.</summary>
    Gru = 3,

    /// <summary>
    /// A standalone activation (Keras <c>Activation</c>, <c>LeakyReLU</c>, <c>ELU</c> layers, PyTorch <c>nn.Tanh</c>,
    /// <c>nn.ReLU</c>, …): no weights, as many outputs as inputs.
    /// </summary>
    Activation = 4,
}
