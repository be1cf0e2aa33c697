namespace RnnGen.Generator.Model;

/// <summary>One layer as declared by its attribute.</summary>
internal sealed record LayerSpec(
    LayerKind Kind,
    int Units,
    Activation Activation,
    Activation RecurrentActivation,
    bool UseBias,
    bool ReturnSequences,
    Direction Direction,
    MergeMode MergeMode,
    bool ResetAfter)
{
    public bool IsRecurrent => Kind != LayerKind.Dense;

    /// <summary>Width of the vector the layer outputs per step.</summary>
    public int OutputWidth => IsRecurrent && Direction == Direction.Bidirectional && MergeMode == MergeMode.Concat ? 2 * Units : Units;

    public int Directions => Direction == Direction.Bidirectional ? 2 : 1;

    /// <summary>Floats of state per direction: h, and c for LSTM.</summary>
    public int StatePerDirection => Kind == LayerKind.Lstm ? 2 * Units : Kind == LayerKind.Dense ? 0 : Units;

    public LayerShape Shape(int inputSize) => new(Kind, inputSize, Units, Directions, UseBias, ResetAfter);

    /// <summary>For comments and messages: e.g. <c>Lstm(32, Bidirectional)</c>.</summary>
    public string Describe() => Kind + "(" + Units + (IsRecurrent && Direction != Direction.Forward ? ", " + Direction : string.Empty) + ")";
}
