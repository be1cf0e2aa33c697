using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting;

/// <summary>The runtime types generated code instantiates for each layer option.</summary>
internal static class TypeNames
{
    public const string Kernels = "RnnGenKernels";
    public const string Activations = "RnnGenActivations";

    /// <summary>A model's weights: one aligned slot per kernel call (<c>WeightSlots</c>).</summary>
    public const string WeightSlots = "global::RnnGen.Weights.WeightSlot[]";

    /// <summary>The activation struct; ELU and Leaky ReLU take the layer's α struct (<see cref="LayerPlan.AlphaName"/>).</summary>
    public static string Activation(Activation activation, LayerPlan layer) => Activations + "." + activation switch
    {
        RnnGen.Activation.Linear => "LinearActivation",
        RnnGen.Activation.Tanh => "TanhActivation",
        RnnGen.Activation.Sigmoid => "SigmoidActivation",
        RnnGen.Activation.HardSigmoid => "HardSigmoidActivation",
        RnnGen.Activation.HardSigmoidKeras3 => "HardSigmoidKeras3Activation",
        RnnGen.Activation.Relu => "ReluActivation",
        RnnGen.Activation.Elu => "EluActivation<" + layer.AlphaName + ">",
        RnnGen.Activation.LeakyRelu => "LeakyReluActivation<" + layer.AlphaName + ">",
        _ => "SoftmaxActivation",
    };

    public static string Merge(MergeMode mode) => Kernels + "." + mode switch
    {
        MergeMode.Sum => "SumMerge",
        MergeMode.Multiply => "MultiplyMerge",
        MergeMode.Average => "AverageMerge",
        _ => "ConcatMerge",
    };

    /// <summary>
    /// The cell struct type of a recurrent layer: a lane-kernel cell over the placeholder lane types <c>TLanes</c>,
    /// <c>TVector</c> (which <see cref="ModelEmitter.OnLayerPath"/> replaces with each path's) and the layer's sizes struct.
    /// </summary>
    public static string Cell(LayerPlan layer)
    {
        LayerSpec spec = layer.Spec;
        string gate = Activation(spec.RecurrentActivation, layer);
        string activation = Activation(spec.Activation, layer);
        return spec.Kind switch
        {
            LayerKind.SimpleRnn => $"{Kernels}.SimpleRnnLaneCell<TLanes, TVector, {layer.SizesName}, {activation}>",
            LayerKind.Lstm => $"{Kernels}.LstmLaneCell<TLanes, TVector, {layer.SizesName}, {gate}, {activation}>",
            _ when spec.ResetAfter => $"{Kernels}.GruLaneCell<TLanes, TVector, {layer.SizesName}, {gate}, {activation}>",
            _ => $"{Kernels}.GruResetBeforeLaneCell<TLanes, TVector, {layer.SizesName}, {gate}, {activation}>",
        };
    }

    /// <summary>
    /// The kernel that steps many streams of a layer at once, sharing each weight load between streams; null where
    /// StepBatch steps each stream alone on the layer's cell (the original-form GRU: see <c>KernelScratch.HasBatchKernel</c>).
    /// </summary>
    public static string? BatchKernel(LayerPlan layer)
    {
        LayerSpec spec = layer.Spec;
        if (!KernelScratch.HasBatchKernel(layer.Shape))
        {
            return null;
        }

        string gates = $"TLanes, TVector, {layer.SizesName}, {Activation(spec.RecurrentActivation, layer)}, {Activation(spec.Activation, layer)}";
        return spec.Kind switch
        {
            LayerKind.Lstm => $"{Kernels}.LstmBatchKernel<{gates}>",
            LayerKind.Gru => $"{Kernels}.GruBatchKernel<{gates}>",
            _ => $"{Kernels}.SimpleRnnBatchKernel<TLanes, TVector, {layer.SizesName}, {Activation(spec.Activation, layer)}>",
        };
    }

    /// <summary>An expression constructing the cell of one direction.</summary>
    public static string NewCell(LayerPlan layer, int direction)
    {
        string weights = $"weights[{layer.FirstSlot + direction}]";
        return $"new {Cell(layer)}({weights})";
    }

    /// <summary>
    /// An expression constructing a layer that maps each step's vector on its own (Dense or a standalone activation):
    /// both kernels have <c>Apply</c>, <c>ApplySequence</c> and <c>ApplyBatch</c>.
    /// </summary>
    public static string NewPerStep(LayerPlan layer) => layer.Spec.Kind == LayerKind.Dense
        ? $"new {Kernels}.DenseLayer<{Activation(layer.Spec.Activation, layer)}>(weights[{layer.FirstSlot}], {layer.InputWidth}, {layer.Spec.Units})"
        : $"new {Kernels}.ActivationLayer<{Activation(layer.Spec.Activation, layer)}>({layer.Spec.Units})";

    /// <summary><paramref name="code"/> over the placeholder lane types <c>TLanes</c>, <c>TVector</c>, specialised for <paramref name="path"/>.</summary>
    public static string OnPath(string code, string path)
    {
        foreach ((string name, string lanes, string vector) in Paths)
        {
            if (name == path)
            {
                return code.Replace("TLanes", lanes).Replace("TVector", vector);
            }
        }

        throw new System.ArgumentOutOfRangeException(nameof(path), path, "not a vector path");
    }

    /// <summary>The lane struct of each vector path, for the dispatching switch.</summary>
    public static readonly (string Path, string Lanes, string Vector)[] Paths =
    {
        ("Vector256", Kernels + ".Lanes.Lanes256", "global::System.Runtime.Intrinsics.Vector256<float>"),
        ("Vector128", Kernels + ".Lanes.Lanes128", "global::System.Runtime.Intrinsics.Vector128<float>"),
        ("Vector512", Kernels + ".Lanes.Lanes512", "global::System.Runtime.Intrinsics.Vector512<float>"),
        ("Scalar", Kernels + ".Lanes.Lanes1", "float"),
    };
}
