namespace RnnGen;

/// <summary>
/// What a layer attribute means when an option is not set: the attributes initialise their properties from these, and
/// the generator's LayerReader starts every layer from them, so the two cannot drift apart.
/// </summary>
internal static class LayerDefaults
{
    /// <summary>Activation of a recurrent layer's output (and LSTM cell), as in Keras, PyTorch and ONNX.</summary>
    public const Activation RecurrentOutput = Activation.Tanh;

    /// <summary>Activation of LSTM and GRU gates.</summary>
    public const Activation Gates = Activation.Sigmoid;

    /// <summary>Activation of a Dense layer: none.</summary>
    public const Activation Dense = Activation.Linear;

    public const bool UseBias = true;

    public const bool ReturnSequences = false;

    public const Direction LayerDirection = Direction.Forward;

    public const MergeMode Merge = MergeMode.Concat;

    /// <summary>GRU: reset gate after the recurrent product (Keras 2/3, PyTorch, cuDNN).</summary>
    public const bool ResetAfter = true;

    public const bool LearnedInitialState = false;

    /// <summary>α not set: the activation's own default (<see cref="ActivationAlpha.Default"/>), or an error where it has none.</summary>
    public const float UnsetAlpha = float.NaN;
}
