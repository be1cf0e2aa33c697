using System;

namespace RnnGen;

/// <summary>A fully connected recurrent layer: h = act(x·W + h·U + b) (Keras SimpleRNN, PyTorch nn.RNN, ONNX RNN).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class SimpleRnnAttribute : RecurrentLayerAttribute
{
    /// <summary>Declares a SimpleRNN layer.</summary>
    public SimpleRnnAttribute(int units)
        : base(units)
    {
    }
}
