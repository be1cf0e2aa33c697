using System.Text;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting.Layers;

/// <summary>A standalone activation: no weights, as many outputs as inputs.</summary>
internal sealed class ActivationLayerEmitter : PerStepLayerEmitter
{
    public static readonly ActivationLayerEmitter Instance = new();

    /// <summary>No weights to share between streams, so no vector-path switch.</summary>
    public override BatchRows EmitStepBatch(SourceWriter writer, LayerPlan layer, BatchRows input, BatchRows output)
    {
        writer.Line($"{New(layer)}.ApplyBatch({input.All}, {input.Stride}, {output.All}, {output.Stride}, streams);");
        return output;
    }

    protected override string DescribeHead(LayerSpec spec) => "ActivationLayer(" + spec.Activation;

    protected override void DescribeOptions(LayerSpec spec, StringBuilder text)
    {
    }

    protected override string New(LayerPlan layer) =>
        $"new {TypeNames.Kernels}.ActivationLayer<{TypeNames.Activation(layer.Spec.Activation, layer)}>({layer.Spec.Units})";
}
