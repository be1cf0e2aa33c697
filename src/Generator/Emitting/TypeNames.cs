using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting;

/// <summary>The runtime types generated code instantiates for each layer option.</summary>
internal static class TypeNames
{
    public const string Kernels = "RnnGenKernels";
    public const string Activations = "RnnGenActivations";

    /// <summary>A model's weights: one aligned slot per kernel call (<c>WeightSlots</c>).</summary>
    public const string WeightSlots = "global::RnnGen.Weights.WeightSlot[]";

    /// <summary>The activation struct; ELU and Leaky ReLU take the layer's α struct (<see cref="AlphaOf"/>).</summary>
    public static string Activation(Activation activation, LayerPlan layer) => Activations + "." + activation switch
    {
        RnnGen.Activation.Linear => "LinearActivation",
        RnnGen.Activation.Tanh => "TanhActivation",
        RnnGen.Activation.Sigmoid => "SigmoidActivation",
        RnnGen.Activation.HardSigmoid => "HardSigmoidActivation",
        RnnGen.Activation.HardSigmoidKeras3 => "HardSigmoidKeras3Activation",
        RnnGen.Activation.Relu => "ReluActivation",
        RnnGen.Activation.Elu => "EluActivation<" + AlphaOf(layer) + ">",
        RnnGen.Activation.LeakyRelu => "LeakyReluActivation<" + AlphaOf(layer) + ">",
        _ => "SoftmaxActivation",
    };

    public static string Merge(MergeMode mode) => Kernels + "." + mode switch
    {
        MergeMode.Sum => "SumMerge",
        MergeMode.Multiply => "MultiplyMerge",
        MergeMode.Average => "AverageMerge",
        _ => "ConcatMerge",
    };

    /// <summary>Name of the generated struct that carries the layer's sizes as constants (lane kernels specialise on it).</summary>
    public static string SizesOf(LayerPlan layer) => GeneratedMembers.LayerTypePrefix + layer.Index + "Sizes";

    /// <summary>Name of the generated struct that carries the α of the layer's ELU / Leaky ReLU; null when it has none.</summary>
    public static string? AlphaOf(LayerPlan layer) => layer.Spec.Alpha is null ? null : GeneratedMembers.LayerTypePrefix + layer.Index + "Alpha";

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
