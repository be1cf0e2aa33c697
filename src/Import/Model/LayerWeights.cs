namespace RnnGen.Import;

/// <summary>
/// One direction of a layer in a single framework-neutral form, so every importer fills the same thing and every
/// output layout is rendered from it: kernels as Keras stores them (<c>[inputs, gates·units]</c>, gates in Keras
/// order LSTM i,f,c,o / GRU z,r,h), biases split into input and recurrent parts as PyTorch and ONNX keep them.
/// </summary>
public sealed class LayerWeights
{
    /// <summary>Creates one direction's weights; arrays are kept, not copied.</summary>
    public LayerWeights(float[] kernel, float[]? recurrentKernel, float[]? inputBias, float[]? recurrentBias)
    {
        Kernel = kernel;
        RecurrentKernel = recurrentKernel;
        InputBias = inputBias;
        RecurrentBias = recurrentBias;
    }

    /// <summary><c>[inputs, gates·units]</c>, row-major, Keras gate order.</summary>
    public float[] Kernel { get; }

    /// <summary><c>[units, gates·units]</c>; null for Dense.</summary>
    public float[]? RecurrentKernel { get; }

    /// <summary><c>[gates·units]</c>, or null without bias.</summary>
    public float[]? InputBias { get; }

    /// <summary>
    /// <c>[gates·units]</c> added to the recurrent product; null when the source stores one summed bias. Only a
    /// reset-after GRU needs it apart; other layers add it to <see cref="InputBias"/> when rendered to Keras.
    /// </summary>
    public float[]? RecurrentBias { get; }

    /// <summary>The hidden state <c>[units]</c> this direction starts from, when the model learned one (NAM's LSTM).</summary>
    public float[]? InitialHidden { get; init; }

    /// <summary>The LSTM cell state <c>[units]</c> this direction starts from, when the model learned one.</summary>
    public float[]? InitialCell { get; init; }
}
