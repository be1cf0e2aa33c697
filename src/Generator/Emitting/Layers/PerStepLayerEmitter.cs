using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting.Layers;

/// <summary>
/// Layers that map each step's vector on its own, with no state: their kernel structs have <c>Apply</c>,
/// <c>ApplySequence</c> and <c>ApplyBatch</c>, and write where the model emitter says.
/// </summary>
internal abstract class PerStepLayerEmitter : LayerEmitter
{
    public override string EmitStep(SourceWriter writer, LayerPlan layer, string input, string output)
    {
        writer.Line($"{New(layer)}.Apply({input}, {output});");
        return output;
    }

    public override void EmitRun(SourceWriter writer, LayerPlan layer, string input, string output) =>
        writer.Line($"{New(layer)}.ApplySequence({input}, {output}, {(layer.InputIsSequence ? "timeSteps" : "1")});");

    /// <summary>The widest register the CPU has: nothing to measure for a layer without recurrence.</summary>
    public override string ChoosePath(LayerPlan layer) => "global::RnnGen.Kernels.VectorPaths.Best";

    /// <summary>An expression constructing the layer's kernel struct.</summary>
    protected abstract string New(LayerPlan layer);
}
