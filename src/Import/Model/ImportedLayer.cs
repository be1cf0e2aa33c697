using System.Collections.Generic;

namespace RnnGen.Import;

/// <summary>One layer RnnGen can run, with the options its attribute declares and its weights per direction.</summary>
public sealed class ImportedLayer
{
    /// <summary>Creates a layer; set the options that differ from the attribute defaults.</summary>
    public ImportedLayer(string sourceName, LayerKind kind, int inputSize, int units)
    {
        SourceName = sourceName;
        Kind = kind;
        InputSize = inputSize;
        Units = units;
        Activation = kind == LayerKind.Dense ? Activation.Linear : Activation.Tanh;
    }

    /// <summary>A standalone activation layer over vectors of <paramref name="width"/> floats.</summary>
    public static ImportedLayer StandaloneActivation(string sourceName, int width, Activation activation, float? alpha) =>
        new(sourceName, LayerKind.Activation, width, width) { Activation = activation, Alpha = alpha };

    /// <summary>The layer's name in the source file (Keras layer name, ONNX node name, PyTorch module, …).</summary>
    public string SourceName { get; }

    /// <summary>Dense, SimpleRnn, Lstm, Gru or a standalone Activation.</summary>
    public LayerKind Kind { get; }

    /// <summary>Floats per step going in.</summary>
    public int InputSize { get; }

    /// <summary>Units per direction.</summary>
    public int Units { get; }

    /// <summary>Output (and LSTM cell) activation.</summary>
    public Activation Activation { get; set; }

    /// <summary>α of an ELU / Leaky ReLU activation (null: none, or ELU's default 1).</summary>
    public float? Alpha { get; set; }

    /// <summary>Whether the weights carry the initial state each stream starts from (<see cref="LayerWeights.InitialHidden"/>).</summary>
    public bool LearnedInitialState { get; set; }

    /// <summary>LSTM/GRU gate activation.</summary>
    public Activation RecurrentActivation { get; set; } = Activation.Sigmoid;

    /// <summary>Whether the layer has biases.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>Whether a recurrent layer outputs every step.</summary>
    public bool ReturnSequences { get; set; }

    /// <summary>Forward, Backward or Bidirectional.</summary>
    public Direction Direction { get; set; }

    /// <summary>How a bidirectional layer merges its halves.</summary>
    public MergeMode MergeMode { get; set; }

    /// <summary>GRU form: reset gate after the recurrent product (Keras default, PyTorch, ONNX linear_before_reset=1).</summary>
    public bool ResetAfter { get; set; } = true;

    /// <summary>
    /// The module the tensors are named after (Keras layer name, PyTorch module path); null for a generated
    /// <c>l{index}_{kind}</c>.
    /// </summary>
    public string? Module { get; set; }

    /// <summary>PyTorch's <c>_l{k}</c>: the layer's position inside a stacked module (GuitarML's <c>rec</c> with num_layers 2).</summary>
    public int ModuleIndex { get; set; }

    /// <summary>One entry per direction (forward first).</summary>
    public List<LayerWeights> Weights { get; } = new();

    /// <summary>Floats per step coming out (a concatenating bidirectional layer doubles its units).</summary>
    public int OutputSize => Direction == Direction.Bidirectional && MergeMode == MergeMode.Concat ? 2 * Units : Units;

    /// <summary>The runtime's view of this layer, for tensor shapes and counts.</summary>
    public LayerShape Shape => new(Kind, InputSize, Units, Direction == Direction.Bidirectional ? 2 : 1, UseBias, ResetAfter, LearnedInitialState);
}
