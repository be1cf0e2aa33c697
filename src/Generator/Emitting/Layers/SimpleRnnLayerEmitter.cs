using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting.Layers;

/// <summary>SimpleRNN (Elman): one activation, no gates.</summary>
internal sealed class SimpleRnnLayerEmitter : RecurrentLayerEmitter
{
    public static readonly SimpleRnnLayerEmitter Instance = new();

    public override string Cell(LayerPlan layer) => $"{TypeNames.Kernels}.SimpleRnnLaneCell<{Types(layer)}>";

    protected override bool HasGates => false;

    protected override string BatchKernel(LayerPlan layer) => $"{TypeNames.Kernels}.SimpleRnnBatchKernel<{Types(layer)}>";

    private static string Types(LayerPlan layer) => $"TLanes, TVector, {TypeNames.SizesOf(layer)}, {TypeNames.Activation(layer.Spec.Activation, layer)}";
}
