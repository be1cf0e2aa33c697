using System.Text;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting.Layers;

/// <summary>GRU: three gates; the reset gate applied after the recurrent product (Keras 2/3, PyTorch) or before it.</summary>
internal sealed class GruLayerEmitter : RecurrentLayerEmitter
{
    public static readonly GruLayerEmitter Instance = new();

    public override string Cell(LayerPlan layer) => layer.Spec.ResetAfter
        ? $"{TypeNames.Kernels}.GruLaneCell<{Types(layer)}>"
        : $"{TypeNames.Kernels}.GruResetBeforeLaneCell<{Types(layer)}>";

    protected override string BatchKernel(LayerPlan layer) => $"{TypeNames.Kernels}.GruBatchKernel<{Types(layer)}>";

    protected override void DescribeOptions(LayerSpec spec, StringBuilder text)
    {
        base.DescribeOptions(spec, text);
        text.Append(spec.ResetAfter ? ", reset after" : ", reset before");
    }

    private static string Types(LayerPlan layer) =>
        $"TLanes, TVector, {TypeNames.SizesOf(layer)}, {TypeNames.Activation(layer.Spec.RecurrentActivation, layer)}, {TypeNames.Activation(layer.Spec.Activation, layer)}";
}
