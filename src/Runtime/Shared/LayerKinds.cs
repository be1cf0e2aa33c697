using System.ComponentModel;

namespace RnnGen;

/// <summary>
/// What each <see cref="LayerKind"/> is and can do: the one place that classifies kinds, so a new kind is never
/// counted as recurrent (or as having weights) by accident.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#if RNNGEN_GENERATOR
internal
#else
public
#endif
static class LayerKinds
{
    /// <summary>SimpleRNN, LSTM and GRU: layers with a state carried from step to step.</summary>
    public static bool IsRecurrent(LayerKind kind) => kind is LayerKind.SimpleRnn or LayerKind.Lstm or LayerKind.Gru;

    /// <summary>
    /// Whether a step's output is a view of the layer's state (a recurrent layer's new h): such a layer needs no
    /// output buffer of its own when stepped, and has a ReturnSequences option; other layers map each step as it comes.
    /// </summary>
    internal static bool OutputIsState(LayerKind kind) => IsRecurrent(kind);

    /// <summary>Whether the layer has trained tensors (every kind but the standalone activation).</summary>
    public static bool HasWeights(LayerKind kind) => kind != LayerKind.Activation;

    /// <summary>Gate blocks per unit: 1 (SimpleRNN), 4 (LSTM), 3 (GRU); 1 for Dense, 0 for a standalone activation.</summary>
    public static int Gates(LayerKind kind) => kind switch
    {
        LayerKind.Lstm => 4,
        LayerKind.Gru => 3,
        LayerKind.Activation => 0,
        _ => 1,
    };

    /// <summary>Floats of state per unit and direction: h, and c for LSTM; none for layers without state.</summary>
    public static int StatePerUnit(LayerKind kind) => kind switch
    {
        LayerKind.Lstm => 2,
        LayerKind.SimpleRnn or LayerKind.Gru => 1,
        _ => 0,
    };
}
