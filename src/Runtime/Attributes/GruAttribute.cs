using System;

namespace RnnGen;

/// <summary>A gated recurrent unit layer (Keras GRU, PyTorch nn.GRU, ONNX GRU).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class GruAttribute : RecurrentLayerAttribute
{
    /// <summary>Declares a GRU layer.</summary>
    public GruAttribute(int units)
        : base(units)
    {
    }

    /// <summary>Gate activation; default Sigmoid.</summary>
    public Activation RecurrentActivation { get; set; } = LayerDefaults.Gates;

    /// <summary>
    /// True (default): reset gate applied after the recurrent product, with a separate recurrent bias
    /// (Keras 2/3 default, PyTorch, ONNX linear_before_reset=1). False: the original form
    /// (Keras reset_after=False, TensorFlow.js, ONNX linear_before_reset=0).
    /// </summary>
    public bool ResetAfter { get; set; } = LayerDefaults.ResetAfter;
}
