using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting;

/// <summary>The runtime types generated code instantiates for each layer option.</summary>
internal static class TypeNames
{
    public const string Kernels = "RnnGenKernels";
    public const string Activations = "RnnGenActivations";

    public static string Activation(Activation activation) => Activations + "." + activation switch
    {
        RnnGen.Activation.Linear => "LinearActivation",
        RnnGen.Activation.Tanh => "TanhActivation",
        RnnGen.Activation.Sigmoid => "SigmoidActivation",
        RnnGen.Activation.HardSigmoid => "HardSigmoidActivation",
        RnnGen.Activation.HardSigmoidKeras3 => "HardSigmoidKeras3Activation",
        RnnGen.Activation.Relu => "ReluActivation",
        _ => "SoftmaxActivation",
    };

    public static string Merge(MergeMode mode) => Kernels + "." + mode switch
    {
        MergeMode.Sum => "SumMerge",
        MergeMode.Multiply => "MultiplyMerge",
        MergeMode.Average => "AverageMerge",
        _ => "ConcatMerge",
    };

    /// <summary>The cell struct type of a recurrent layer, e.g. <c>LstmCell&lt;Sigmoid, Tanh&gt;</c>.</summary>
    public static string Cell(LayerSpec layer) => layer.Kind switch
    {
        LayerKind.SimpleRnn => $"{Kernels}.SimpleRnnCell<{Activation(layer.Activation)}>",
        LayerKind.Lstm => $"{Kernels}.LstmCell<{Activation(layer.RecurrentActivation)}, {Activation(layer.Activation)}>",
        _ => $"{Kernels}.GruCell<{Activation(layer.RecurrentActivation)}, {Activation(layer.Activation)}>",
    };

    /// <summary>An expression constructing the cell of one direction.</summary>
    public static string NewCell(LayerPlan layer, int direction)
    {
        int offset = layer.WeightOffset + (direction * layer.DirectionWeightLength);
        string resetAfter = layer.Spec.Kind == LayerKind.Gru ? ", resetAfter: " + (layer.Spec.ResetAfter ? "true" : "false") : string.Empty;
        return $"new {Cell(layer.Spec)}(weights, {offset}, {layer.InputWidth}, {layer.Spec.Units}{resetAfter})";
    }

    public static string NewDense(LayerPlan layer) =>
        $"new {Kernels}.DenseLayer<{Activation(layer.Spec.Activation)}>(weights, {layer.WeightOffset}, {layer.InputWidth}, {layer.Spec.Units})";
}
