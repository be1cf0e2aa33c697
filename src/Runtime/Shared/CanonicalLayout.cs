using System.ComponentModel;

namespace RnnGen;

/// <summary>
/// RnnGen's framework-neutral weight layout: what import produces, the reference cells read, and lane packing starts from. Per direction of a recurrent layer:
/// input kernel [in, gates·units], recurrent kernel [units, gates·units], bias [gates·units]
/// (framework bias pairs already summed), and for GRU the recurrent bias of the candidate [units]
/// that the reset gate multiplies. Gates in Keras order: LSTM i,f,c,o; GRU z,r,h.
/// A learned initial state follows, per direction: h [units], then c [units] for LSTM.
/// Dense: kernel [in, units], bias [units]. Absent biases are stored as zeros. A standalone activation has none.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#if RNNGEN_GENERATOR
internal
#else
public
#endif
static class CanonicalLayout
{
    /// <summary>Offset of the recurrent kernel inside one direction block.</summary>
    public static long RecurrentKernelOffset(LayerShape layer) => (long)layer.InputSize * layer.Gates * layer.Units;

    /// <summary>Offset of the (summed) bias inside one direction block.</summary>
    public static long BiasOffset(LayerShape layer) => (long)(layer.InputSize + layer.Units) * layer.Gates * layer.Units;

    /// <summary>Offset of the GRU candidate's recurrent bias inside one direction block.</summary>
    public static long CandidateBiasOffset(LayerShape layer) => BiasOffset(layer) + (long)layer.Gates * layer.Units;

    /// <summary>Offset of the learned initial state (h, then LSTM c) inside one direction block.</summary>
    public static long InitialStateOffset(LayerShape layer)
    {
        long length = CandidateBiasOffset(layer);
        return layer.Kind == LayerKind.Gru ? length + layer.Units : length;
    }

    /// <summary>Length of one direction block (the whole layer for Dense; 0 for a standalone activation).</summary>
    public static long DirectionLength(LayerShape layer)
    {
        if (!layer.IsRecurrent)
        {
            return layer.Kind == LayerKind.Dense ? ((long)layer.InputSize + 1) * layer.Units : 0;
        }

        return InitialStateOffset(layer) + (layer.LearnedInitialState ? layer.StatePerDirection : 0);
    }

    /// <summary>Length of the whole layer.</summary>
    public static long LayerLength(LayerShape layer) =>
        layer.IsRecurrent ? layer.Directions * DirectionLength(layer) : DirectionLength(layer);
}
