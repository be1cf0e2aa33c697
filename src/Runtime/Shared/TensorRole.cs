using System.ComponentModel;

namespace RnnGen;

/// <summary>What one framework tensor holds, which decides how import moves it into the packed layout.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#if RNNGEN_GENERATOR
internal
#else
public
#endif
enum TensorRole
{
    /// <summary>Input-to-gates weights of one direction.</summary>
    InputKernel,

    /// <summary>Hidden-to-gates weights of one direction.</summary>
    RecurrentKernel,

    /// <summary>One bias per gate unit (Keras SimpleRNN/LSTM, Keras GRU with reset_after=false).</summary>
    Bias,

    /// <summary>Keras GRU with reset_after=true: [2, 3·units], input bias row then recurrent bias row.</summary>
    StackedBiases,

    /// <summary>PyTorch bias_ih.</summary>
    InputBias,

    /// <summary>PyTorch bias_hh.</summary>
    RecurrentBias,

    /// <summary>ONNX B: [directions, 2·gates·units], Wb then Rb per direction.</summary>
    OnnxBiases,

    /// <summary>Dense weights.</summary>
    DenseKernel,

    /// <summary>Dense bias.</summary>
    DenseBias,

    /// <summary>The hidden state h a stream starts from (one direction's [units]; ONNX [directions, units]).</summary>
    InitialHidden,

    /// <summary>The LSTM cell state c a stream starts from (one direction's [units]; ONNX [directions, units]).</summary>
    InitialCell,
}
