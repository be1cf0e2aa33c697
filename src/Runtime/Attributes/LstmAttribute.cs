using System;

namespace RnnGen;

/// <summary>A long short-term memory layer (Keras LSTM, PyTorch nn.LSTM, ONNX LSTM without peepholes).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class LstmAttribute : RecurrentLayerAttribute
{
    /// <summary>Declares an LSTM layer.</summary>
    public LstmAttribute(int units)
        : base(units)
    {
    }

    /// <summary>Gate activation; default Sigmoid (Keras), note TensorFlow.js defaults to HardSigmoid.</summary>
    public Activation RecurrentActivation { get; set; } = LayerDefaults.Gates;
}
