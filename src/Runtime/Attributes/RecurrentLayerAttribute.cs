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
    public Activation Activation { get; set; } = Activation.Tanh;

    /// <summary>Whether the layer has biases; default true.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>Whether the layer outputs every step (Keras <c>return_sequences</c>); default false.</summary>
    public bool ReturnSequences { get; set; }

    /// <summary>Forward (default), Backward (Keras <c>go_backwards</c>) or Bidirectional.</summary>
    public Direction Direction { get; set; } = Direction.Forward;

    /// <summary>How a bidirectional layer merges its halves; default Concat.</summary>
    public MergeMode MergeMode { get; set; } = MergeMode.Concat;
}
