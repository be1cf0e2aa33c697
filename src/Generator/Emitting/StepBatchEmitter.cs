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
        writer.Line("/// updates streams 0 … N − 1 of <paramref name=\"state\"/>. LSTM and GRU layers load each weight once per pair of streams.");
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

            // Every layer's input for stream s is `current`.Slice(s × stride).
            string current = "inputs";
            string stride = "InputSize";
            int denseOffset = 0;
            foreach (LayerPlan layer in plan.Layers)
            {
                writer.Line();
                writer.Line("// layer " + layer.Index + ": " + ModelEmitter.Describe(layer));
                bool last = layer == plan.Last;
                if (layer.Spec.IsRecurrent)
                {
                    EmitRecurrent(writer, layer, current, stride);
                    current = layer.StateOffset == 0 ? "values" : "values.Slice(" + layer.StateOffset + ")";
                    stride = "StateLength";
                    if (last)
                    {
                        writer.Line("for (int stream = 0; stream < streams; stream++)");
                        writer.Line("{");
                        writer.Line($"    values.Slice((stream * StateLength) + {layer.StateOffset}, {layer.Spec.Units}).CopyTo(outputs.Slice(stream * OutputSize, OutputSize));");
                        writer.Line("}");
                    }
                }
                else
                {
                    string target = last ? "outputs" : "state.LayerOutputs.Slice(" + denseOffset + " * streams)";
                    string targetStride = last ? "OutputSize" : layer.OutputWidth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    denseOffset += last ? 0 : layer.OutputWidth;
                    writer.Line($"var layer{layer.Index} = {TypeNames.NewDense(layer)};");
                    writer.Line("for (int stream = 0; stream < streams; stream++)");
                    writer.Line("{");
                    writer.Line($"    layer{layer.Index}.Apply({current}.Slice(stream * {stride}, {layer.InputWidth}), {target}.Slice(stream * {targetStride}, {layer.OutputWidth}));");
                    writer.Line("}");
                    current = target;
                    stride = targetStride;
                }
            }
        });
    }

    private static void EmitRecurrent(SourceWriter writer, LayerPlan layer, string current, string stride)
    {
        string? batchKernel = TypeNames.BatchKernel(layer);
        if (batchKernel is not null)
        {
            writer.Line($"{batchKernel}.Step(weights[{layer.FirstSlot}], {current}, {stride}, {(layer.StateOffset == 0 ? "values" : "values.Slice(" + layer.StateOffset + ")")}, StateLength, streams, cellScratch);");
            return;
        }

        writer.Line("// no batched kernel for this layer yet: each stream steps alone");
        writer.Line($"var layer{layer.Index} = {TypeNames.NewCell(layer, 0)};");
        writer.Line("for (int stream = 0; stream < streams; stream++)");
        writer.Line("{");
        writer.Line($"    layer{layer.Index}.Step({current}.Slice(stream * {stride}, {layer.InputWidth}), values.Slice((stream * StateLength) + {layer.StateOffset}, {layer.Spec.StatePerDirection}), cellScratch);");
        writer.Line("}");
    }
}
