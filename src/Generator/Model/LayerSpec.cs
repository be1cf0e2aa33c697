namespace RnnGen.Generator.Model;

/// <summary>One layer as declared by its attribute.</summary>
/// <param name="Units">Units (per direction); for a standalone activation, the width it acts on (the input width).</param>
/// <param name="Alpha">α of the layer's ELU / Leaky ReLU activation, resolved to its default; null when no activation uses one.</param>
/// <param name="LearnedInitialState">Recurrent only: the weights carry the initial h (and LSTM c).</param>
internal sealed record LayerSpec(
    LayerKind Kind,
    int Units,
    Activation Activation,
    Activation RecurrentActivation,
    bool UseBias,
    bool ReturnSequences,
    Direction Direction,
    MergeMode MergeMode,
    bool ResetAfter,
    float? Alpha = null,
    bool LearnedInitialState = false)
{
    public bool IsRecurrent => LayerKinds.IsRecurrent(Kind);

    /// <summary>Width of the vector the layer outputs per step.</summary>
    public int OutputWidth => IsRecurrent && Direction == Direction.Bidirectional && MergeMode == MergeMode.Concat ? 2 * Units : Units;

    public int Directions => Direction == Direction.Bidirectional ? 2 : 1;

    /// <summary>Floats of state per direction: h, and c for LSTM; none for Dense and activation layers.</summary>
    public int StatePerDirection => LayerKinds.StatePerUnit(Kind) * Units;

    public LayerShape Shape(int inputSize) => new(Kind, inputSize, Units, Directions, UseBias, ResetAfter, LearnedInitialState);

    /// <summary>For comments and messages: e.g. <c>Lstm(32, Bidirectional)</c>, <c>ActivationLayer(Relu)</c>.</summary>
    public string Describe() => Kind == LayerKind.Activation
        ? "ActivationLayer(" + Activation + ")"
        : Kind + "(" + Units + (IsRecurrent && Direction != Direction.Forward ? ", " + Direction : string.Empty) + ")";
}
