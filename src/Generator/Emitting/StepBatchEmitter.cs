using System.Globalization;
using RnnGen.Generator.Infrastructure;

namespace RnnGen.Generator.Emitting;

/// <summary>
/// Writes <c>StepBatch</c>: one input for each of N streams through every layer, layer by layer over all streams,
/// so a batched kernel can load each weight once for several streams.
/// </summary>
internal static class StepBatchEmitter
{
    public static void Emit(SourceWriter writer, ModelPlan plan)
    {
        writer.Line("/// <summary>");
        writer.Line("/// Advances N independent streams by one time step each, as N calls of <see cref=\"Step\"/> would: reads N ×");
        writer.Line("/// <see cref=\"InputSize\"/> floats (stream s at s × InputSize), writes N × <see cref=\"OutputSize\"/> floats, and");
        writer.Line("/// updates streams 0 … N − 1 of <paramref name=\"state\"/>. Recurrent layers load each weight once per pair of streams.");
        writer.Line("/// Allocates nothing.");
        writer.Line("/// </summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length is not N whole vectors with 1 ≤ N ≤ Capacity; nothing was changed.</exception>");
        writer.Block("public void StepBatch(global::System.ReadOnlySpan<float> inputs, BatchState state, global::System.Span<float> outputs)", () =>
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(state);");
            writer.Line("int streams = " + TypeNames.Kernels + ".Guard.BatchStreams(inputs.Length, InputSize, outputs.Length, OutputSize, state.Capacity);");
            ModelEmitter.Dispatch(writer, "StepBatchCore", "inputs, state, outputs, streams");
            if (plan.Model.Skip > 0)
            {
                writer.Line("// Skip = " + plan.Model.Skip + ": the first input features pass straight to the outputs.");
                writer.Line(TypeNames.Kernels + ".SkipConnection.Add(inputs, InputSize, outputs, OutputSize, " + plan.Model.Skip + ", streams, everyStep: true);");
            }
        });
        writer.Line();
        ModelEmitter.SkipLocalsInit(writer, plan);
        writer.Block("private void StepBatchCore" + TypeNames.CoreTypeParameters + "(global::System.ReadOnlySpan<float> inputs, BatchState state, global::System.Span<float> outputs, int streams)" + TypeNames.CoreConstraints, () =>
        {
            writer.Line("float[][] weights = RnnGenWeights;");
            writer.Line("global::System.Span<float> values = state.Values;");
            if (plan.BatchScratchLength > 0)
            {
                ModelEmitter.ConstantScratch(writer, "cellScratch", plan.BatchScratchLength);
            }

            // Every layer reads stream s's input at `source`.Slice(s × stride + offset).
            var source = new Rows("inputs", 0, "InputSize");
            int denseOffset = 0;
            foreach (LayerPlan layer in plan.Layers)
            {
                writer.Line();
                writer.Line("// layer " + layer.Index + ": " + ModelEmitter.Describe(layer));
                bool last = layer == plan.Last;
                if (layer.Spec.IsRecurrent)
                {
                    EmitRecurrent(writer, layer, source);
                    source = new Rows("values", layer.StateOffset, "StateLength");
                    if (last)
                    {
                        writer.Line("for (int stream = 0; stream < streams; stream++)");
                        writer.Line("{");
                        writer.Line($"    {source.Of(layer.OutputWidth)}.CopyTo(outputs.Slice(stream * OutputSize, OutputSize));");
                        writer.Line("}");
                    }
                }
                else
                {
                    string width = layer.OutputWidth.ToString(CultureInfo.InvariantCulture);
                    var target = new Rows("outputs", 0, "OutputSize");
                    if (!last)
                    {
                        target = new Rows("layer" + layer.Index + "Outputs", 0, width);
                        string start = denseOffset == 0 ? "0" : denseOffset + " * streams";
                        writer.Line($"global::System.Span<float> {target.Span} = state.LayerOutputs.Slice({start}, streams * {width});");
                        denseOffset += layer.OutputWidth;
                    }

                    writer.Line($"var layer{layer.Index} = {TypeNames.NewDense(layer)};");
                    writer.Line("for (int stream = 0; stream < streams; stream++)");
                    writer.Line("{");
                    writer.Line($"    layer{layer.Index}.Apply({source.Of(layer.InputWidth)}, {target.Of(layer.OutputWidth)});");
                    writer.Line("}");
                    source = target;
                }
            }
        });
    }

    private static void EmitRecurrent(SourceWriter writer, LayerPlan layer, Rows source)
    {
        string? batchKernel = TypeNames.BatchKernel(layer);
        var state = new Rows("values", layer.StateOffset, "StateLength");
        if (batchKernel is not null)
        {
            writer.Line($"{batchKernel}.Step(weights[{layer.FirstSlot}], {source.All}, {source.Stride}, {state.All}, StateLength, streams, cellScratch);");
            return;
        }

        writer.Line("// no batched kernel for this layer yet: each stream steps alone");
        writer.Line($"var layer{layer.Index} = {TypeNames.NewCell(layer, 0)};");
        writer.Line("for (int stream = 0; stream < streams; stream++)");
        writer.Line("{");
        writer.Line($"    layer{layer.Index}.Step({source.Of(layer.InputWidth)}, {state.Of(layer.Spec.StatePerDirection)}, cellScratch);");
        writer.Line("}");
    }

    /// <summary>One vector per stream inside a span: stream s's at s × <see cref="Stride"/> + <see cref="Offset"/>.</summary>
    private sealed class Rows(string span, int offset, string stride)
    {
        public string Span => span;

        public string Stride => stride;

        /// <summary>The span from stream 0's vector on, as batched kernels take it.</summary>
        public string All => offset == 0 ? span : $"{span}.Slice({offset})";

        /// <summary>Stream <c>stream</c>'s vector of <paramref name="width"/> floats.</summary>
        public string Of(int width) => offset == 0
            ? $"{span}.Slice(stream * {stride}, {width})"
            : $"{span}.Slice((stream * {stride}) + {offset}, {width})";
    }
}
