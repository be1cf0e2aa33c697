using System;

namespace RnnGen;

/// <summary>Options shared by <see cref="SimpleRnnAttribute"/>, <see cref="LstmAttribute"/> and <see cref="GruAttribute"/>.</summary>
public abstract class RecurrentLayerAttribute : Attribute
{
    /// <summary>Declares a recurrent layer with <paramref name="units"/> units per direction.</summary>
    protected RecurrentLayerAttribute(int units) => Units = units;

    /// <summary>Units per direction.</summary>
    public int Units { get; }

    /// <summary>Output (and LSTM cell) activation; default Tanh.</summary>
    public Activation Activation { get; set; } = LayerDefaults.RecurrentOutput;

    /// <summary>Whether the layer has biases; default true.</summary>
    public bool UseBias { get; set; } = LayerDefaults.UseBias;

    /// <summary>Whether the layer outputs every step (Keras <c>return_sequences</c>); default false.</summary>
    public bool ReturnSequences { get; set; } = LayerDefaults.ReturnSequences;

    /// <summary>Forward (default), Backward (Keras <c>go_backwards</c>) or Bidirectional.</summary>
    public Direction Direction { get; set; } = LayerDefaults.LayerDirection;

    /// <summary>How a bidirectional layer merges its halves; default Concat.</summary>
    public MergeMode MergeMode { get; set; } = LayerDefaults.Merge;

    /// <summary>α of <see cref="Activation.Elu"/> (default 1) or <see cref="Activation.LeakyRelu"/> (required) where the layer uses one.</summary>
    public float Alpha { get; set; } = LayerDefaults.UnsetAlpha;

    /// <summary>
    /// Whether the weights carry the state each stream starts from (NeuralAmpModeler's LSTM learns it): h (and LSTM c)
    /// per direction after the layer's other tensors, named <c>initial_h_l{k}</c> / <c>initial_c_l{k}</c> (PyTorch layout),
    /// <c>&lt;layer&gt;/initial_h</c> / <c>initial_c</c> (Keras) or <c>initial_h</c> / <c>initial_c</c> [directions, units] (ONNX).
    /// The generated <c>NewState()</c> and <c>ResetState</c> start a stream from it; <c>default(State)</c> stays all zeros.
    /// </summary>
    public bool LearnedInitialState { get; set; } = LayerDefaults.LearnedInitialState;
}
