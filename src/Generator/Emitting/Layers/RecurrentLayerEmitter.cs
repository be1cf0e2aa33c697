using System.Collections.Generic;
using System.Text;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting.Layers;

/// <summary>
/// SimpleRNN, LSTM and GRU: a lane-packed cell per direction, state h (and c) carried between steps, the register
/// width chosen per layer. Step goes through <c>RecurrentStep</c>, Run through <c>ProjectedRecurrence</c> (inputs
/// projected a chunk of steps at a time), StepBatch through the kind's batch kernel. A kind supplies its cell types.
/// </summary>
internal abstract class RecurrentLayerEmitter : LayerEmitter
{
    /// <summary>
    /// The cell struct type: a lane-kernel cell over the placeholder lane types <c>TLanes</c>, <c>TVector</c> (which
    /// <see cref="Snippets.OnLayerPath"/> replaces with each path's) and the layer's sizes struct.
    /// </summary>
    public abstract string Cell(LayerPlan layer);

    public override string EmitStep(SourceWriter writer, LayerPlan layer, string input, string output)
    {
        Snippets.OnLayerPath(writer, layer, $"{TypeNames.Kernels}.RecurrentStep.Step({NewCell(layer, 0)}, {input}, {StateOf(layer, 0)});");
        return $"values.Slice({layer.StateOffset}, {layer.Spec.Units})";
    }

    public override void EmitRun(SourceWriter writer, LayerPlan layer, string input, string output)
    {
        LayerSpec spec = layer.Spec;
        string returnSequences = "returnSequences: " + Snippets.Bool(spec.ReturnSequences);

        // Lane kernels project the inputs of a chunk of steps at once, then recur step by step.
        string recurrence = TypeNames.Kernels + ".ProjectedRecurrence";
        const string scratch = "cellScratch, projections";
        string call = spec.Direction == Direction.Bidirectional
            ? $"{recurrence}.Bidirectional<{Cell(layer)}, {TypeNames.Merge(spec.MergeMode)}>(\n"
                + $"    {NewCell(layer, 0)},\n"
                + $"    {NewCell(layer, 1)},\n"
                + $"    {input}, timeSteps, {StateOf(layer, 0)}, {StateOf(layer, 1)}, {output}, {returnSequences}, {scratch})"
            : $"{recurrence}.{spec.Direction}({NewCell(layer, 0)}, {input}, timeSteps, {StateOf(layer, 0)}, {output}, {returnSequences}, {scratch})";
        Snippets.OnLayerPath(writer, layer, call + ";");
    }

    public override BatchRows EmitStepBatch(SourceWriter writer, LayerPlan layer, BatchRows input, BatchRows output)
    {
        var state = new BatchRows("values", layer.StateOffset, "StateLength");
        if (KernelScratch.HasBatchKernel(layer.Shape))
        {
            // Batched lane kernels take their own scratch (no zeroing; see RnnGen.Kernels.BatchScratch).
            Snippets.OnLayerPath(writer, layer, $"{BatchKernel(layer)}.Step(weights[{layer.FirstSlot}].Span, {input.All}, {input.Stride}, {state.All}, StateLength, streams);");
        }
        else
        {
            writer.Line("// no batched kernel for this layer yet: each stream steps alone");
            Snippets.OnLayerPath(writer, layer, $"for (int stream = 0; stream < streams; stream++)\n{{\n    {TypeNames.Kernels}.RecurrentStep.Step({NewCell(layer, 0)}, {input.Of(layer.InputWidth)}, {state.Of(layer.Spec.StatePerDirection)});\n}}");
        }

        return state;
    }

    /// <summary>Measured on this CPU for the layer's direction-0 weights (<c>PathCalibration</c>).</summary>
    public override string ChoosePath(LayerPlan layer)
    {
        string cell = Cell(layer);
        long length = CanonicalLayout.DirectionLength(layer.Shape);
        return $"global::RnnGen.Kernels.PathCalibration.Choose<{TypeNames.OnPath(cell, "Vector128")}, {TypeNames.OnPath(cell, "Vector256")}, {TypeNames.OnPath(cell, "Vector512")}>(\n"
            + $"    s_rnnGenLayers[{layer.Index}], canonical.Slice({SourceWriter.Number(layer.CanonicalOffset)}, {SourceWriter.Number(length)}))";
    }

    /// <summary>h of every direction; <see cref="LstmLayerEmitter"/> adds c.</summary>
    public override IEnumerable<StateView> StateViews(LayerPlan layer)
    {
        for (int direction = 0; direction < layer.Spec.Directions; direction++)
        {
            yield return new StateView(StatePart.Hidden, direction, layer.StateOffset + (direction * layer.Spec.StatePerDirection), layer.Spec.Units);
        }
    }

    /// <summary>The kernel that steps many streams at once, sharing each weight load (see <c>KernelScratch.HasBatchKernel</c>).</summary>
    protected abstract string BatchKernel(LayerPlan layer);

    protected override void DescribeOptions(LayerSpec spec, StringBuilder text)
    {
        text.Append(", ").Append(spec.Activation);
        if (HasGates)
        {
            text.Append(", gates ").Append(spec.RecurrentActivation);
        }

        if (spec.Direction != Direction.Forward)
        {
            text.Append(", ").Append(spec.Direction);
        }

        if (spec.Direction == Direction.Bidirectional)
        {
            text.Append(' ').Append(spec.MergeMode);
        }
    }

    /// <summary>Whether the kind has gates with their own activation (<c>RecurrentActivation</c>).</summary>
    protected virtual bool HasGates => true;

    /// <summary>One struct whose members are the layer's sizes, so its kernels specialise on them.</summary>
    protected override void EmitKernelTypes(SourceWriter writer, LayerPlan layer)
    {
        writer.Line();
        writer.Block("private readonly struct " + TypeNames.SizesOf(layer) + " : " + TypeNames.Kernels + ".ILayerSizes", () =>
        {
            writer.Line("public static int InputSize => " + layer.InputWidth + ";");
            writer.Line();
            writer.Line("public static int Units => " + layer.Spec.Units + ";");
        });
    }

    private string NewCell(LayerPlan layer, int direction) => $"new {Cell(layer)}(weights[{layer.FirstSlot + direction}])";

    private static string StateOf(LayerPlan layer, int direction) =>
        $"values.Slice({layer.StateOffset + (direction * layer.Spec.StatePerDirection)}, {layer.Spec.StatePerDirection})";
}
