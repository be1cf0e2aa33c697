namespace RnnGen;

/// <summary>
/// The sizes and options of one layer that decide how many weights it has and where they go.
/// Generated models describe their layers with it; weight import reads it.
/// </summary>
#if RNNGEN_GENERATOR
internal
#else
public
#endif
readonly struct LayerShape
{
    /// <summary>Describes one layer.</summary>
    /// <param name="kind">Dense, a recurrent kind, or a standalone activation.</param>
    /// <param name="inputSize">Width of the layer's input vector.</param>
    /// <param name="units">Units of the layer (per direction for recurrent layers; the input width for an activation).</param>
    /// <param name="directions">1, or 2 for a bidirectional layer.</param>
    /// <param name="useBias">Whether the framework stores bias tensors for it.</param>
    /// <param name="resetAfter">GRU only: reset gate applied after the recurrent matrix product (Keras 2/3, PyTorch).</param>
    /// <param name="learnedInitialState">Recurrent only: the weights carry the state each stream starts from (NAM's LSTM).</param>
    public LayerShape(LayerKind kind, int inputSize, int units, int directions, bool useBias, bool resetAfter, bool learnedInitialState = false)
    {
        Kind = kind;
        InputSize = inputSize;
        Units = units;
        Directions = directions;
        UseBias = useBias;
        ResetAfter = resetAfter;
        LearnedInitialState = learnedInitialState;
    }

    /// <summary>Dense, a recurrent kind, or a standalone activation.</summary>
    public LayerKind Kind { get; }

    /// <summary>Width of the layer's input vector.</summary>
    public int InputSize { get; }

    /// <summary>Units (per direction).</summary>
    public int Units { get; }

    /// <summary>1, or 2 for a bidirectional layer.</summary>
    public int Directions { get; }

    /// <summary>Whether the framework stores bias tensors.</summary>
    public bool UseBias { get; }

    /// <summary>GRU form: reset gate after the recurrent product.</summary>
    public bool ResetAfter { get; }

    /// <summary>Whether the weights include the initial h (and LSTM c) of every direction.</summary>
    public bool LearnedInitialState { get; }

    /// <summary>Gate blocks per unit: 1 (SimpleRNN), 4 (LSTM), 3 (GRU); 1 for Dense, 0 for a standalone activation.</summary>
    public int Gates => LayerKinds.Gates(Kind);

    /// <summary>True for SimpleRNN, LSTM and GRU layers.</summary>
    public bool IsRecurrent => LayerKinds.IsRecurrent(Kind);

    /// <summary>Floats of state per direction: h, and c for LSTM; 0 for layers without state.</summary>
    public int StatePerDirection => LayerKinds.StatePerUnit(Kind) * Units;

    /// <summary>A short description for messages, e.g. <c>Lstm(32, bidirectional) 8→32</c>.</summary>
    public string Describe()
    {
        if (Kind == LayerKind.Activation)
        {
            return "Activation " + InputSize + "→" + Units;
        }

        string directions = Directions == 2 ? ", bidirectional" : string.Empty;
        return Kind + "(" + Units + directions + ") " + InputSize + "→" + Units;
    }
}
