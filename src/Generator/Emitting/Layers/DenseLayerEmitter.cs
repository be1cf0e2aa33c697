using System.Text;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting.Layers;

/// <summary>Dense: kernel and bias, then the layer's activation, on each step's vector.</summary>
internal sealed class DenseLayerEmitter : PerStepLayerEmitter
{
    public static readonly DenseLayerEmitter Instance = new();

    /// <summary>On the layer's vector path, each weight register shared across streams.</summary>
    public override BatchRows EmitStepBatch(SourceWriter writer, LayerPlan layer, BatchRows input, BatchRows output)
    {
        Snippets.OnLayerPath(writer, layer, $"{New(layer)}.ApplyBatch<TLanes, TVector>({input.All}, {input.Stride}, {output.All}, {output.Stride}, streams);");
        return output;
    }

    protected override void DescribeOptions(LayerSpec spec, StringBuilder text) => text.Append(", ").Append(spec.Activation);

    protected override string New(LayerPlan layer) =>
        $"new {TypeNames.Kernels}.DenseLayer<{TypeNames.Activation(layer.Spec.Activation, layer)}>(weights[{layer.FirstSlot}], {layer.InputWidth}, {layer.Spec.Units})";
}
