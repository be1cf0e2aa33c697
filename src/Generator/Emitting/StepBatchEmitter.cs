using System.Globalization;
using RnnGen.Generator.Emitting.Layers;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting;

/// <summary>
/// Writes <c>StepBatch</c>: one input for each of N streams through every layer, layer by layer over all streams,
/// so a batched kernel can load each weight once for several streams.
/// </summary>
internal static class StepBatchEmitter
{
    public static void Emit(SourceWriter writer, ModelPlan plan)
    {
        string layerOutputs = plan.InnerOutputWidth > 0 ? "state.LayerOutputs" : "default";
        writer.Line("/// <summary>");
        writer.Line("/// Advances N independent streams by one time step each, as N calls of <see cref=\"Step\"/> would: reads N ×");
        writer.Line("/// <see cref=\"InputSize\"/> floats (stream s at s × InputSize), writes N × <see cref=\"OutputSize\"/> floats, and");
        writer.Line("/// updates streams 0 … N − 1 of <paramref name=\"state\"/>. LSTM and GRU layers load each weight register once per");
        writer.Line("/// tile of up to four streams. Allocates nothing.");
        writer.Line("/// </summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length is not N whole vectors with 1 ≤ N ≤ Capacity; nothing was changed.</exception>");
        writer.Block("public void StepBatch(global::System.ReadOnlySpan<float> inputs, BatchState state, global::System.Span<float> outputs)", () =>
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(state);");
            writer.Line("int streams = " + TypeNames.Kernels + ".Guard.BatchStreams(inputs.Length, InputSize, outputs.Length, OutputSize, state.Capacity);");
            writer.Line("StepBatchCore(inputs, state.Values, " + layerOutputs + ", outputs, streams);");
            EmitSkip(writer, plan);
        });
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// As <see cref=\"StepBatch(global::System.ReadOnlySpan{float}, BatchState, global::System.Span{float})\"/>, with the streams");
        writer.Line("/// split into contiguous ranges across <paramref name=\"workers\"/>' threads when the call is big enough to pay for it");
        writer.Line("/// (<see cref=\"global::RnnGen.Threading.BatchWorkers.MinWorkPerThread\"/>). Each stream gets the same results either way.");
        writer.Line("/// Allocates nothing; returns when every stream is done.");
        writer.Line("/// </summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A length is not N whole vectors with 1 ≤ N ≤ Capacity; nothing was changed.</exception>");
        writer.Line("/// <exception cref=\"global::System.InvalidOperationException\">Another call is running on <paramref name=\"workers\"/> (use one per calling thread).</exception>");
        writer.Line("/// <exception cref=\"global::System.ObjectDisposedException\"><paramref name=\"workers\"/> was disposed.</exception>");
        writer.Block("public void StepBatch(global::System.ReadOnlyMemory<float> inputs, BatchState state, global::System.Memory<float> outputs, global::RnnGen.Threading.BatchWorkers workers)", () =>
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(state);");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(workers);");
            writer.Line("int streams = " + TypeNames.Kernels + ".Guard.BatchStreams(inputs.Length, InputSize, outputs.Length, OutputSize, state.Capacity);");
            writer.Line("BatchRange range = state.Range;");
            writer.Line("range.Model = this;");
            writer.Line("range.Inputs = inputs;");
            writer.Line("range.Outputs = outputs;");
            writer.Block("try", () => writer.Line("workers.Run(range, streams, ParameterCount);"));
            writer.Block("finally", () =>
            {
                writer.Line("// Hold no reference to the caller's buffers between calls.");
                writer.Line("range.Inputs = default;");
                writer.Line("range.Outputs = default;");
            });
            EmitSkip(writer, plan, "inputs.Span", "outputs.Span");
        });
        writer.Line();
        writer.Line("/// <summary>Streams [first, first + count) of a StepBatch call; the range a <see cref=\"BatchRange\"/> steps.</summary>");
        writer.Block("private void StepBatchRange(global::System.ReadOnlySpan<float> inputs, BatchState state, global::System.Span<float> outputs, int first, int count)", () =>
        {
            string rangeOutputs = plan.InnerOutputWidth > 0
                ? "state.LayerOutputs.Slice(first * " + plan.InnerOutputWidth + ", count * " + plan.InnerOutputWidth + ")"
                : "default";
            writer.Line("StepBatchCore(inputs.Slice(first * InputSize, count * InputSize), state.Values.Slice(first * StateLength, count * StateLength), "
                + rangeOutputs + ", outputs.Slice(first * OutputSize, count * OutputSize), count);");
        });
        writer.Line();
        writer.Line("/// <summary>One threaded StepBatch call: what each range needs, kept in the <see cref=\"BatchState\"/> so a call allocates nothing.</summary>");
        writer.Block("internal sealed class BatchRange : global::RnnGen.Threading.IBatchRange", () =>
        {
            writer.Line("internal BatchRange(BatchState state) => State = state;");
            writer.Line();
            writer.Line("internal BatchState State { get; }");
            writer.Line();
            writer.Line("internal " + plan.Model.TypeName + " Model = default!;");
            writer.Line();
            writer.Line("internal global::System.ReadOnlyMemory<float> Inputs;");
            writer.Line();
            writer.Line("internal global::System.Memory<float> Outputs;");
            writer.Line();
            writer.Line("/// <inheritdoc/>");
            writer.Line("public void Step(int first, int count) => Model.StepBatchRange(Inputs.Span, State, Outputs.Span, first, count);");
        });
        writer.Line();
        Snippets.SkipLocalsInit(writer, plan);
        writer.Block("private void StepBatchCore(global::System.ReadOnlySpan<float> inputs, global::System.Span<float> values, global::System.Span<float> layerOutputs, global::System.Span<float> outputs, int streams)", () =>
        {
            writer.Line(TypeNames.WeightSlots + " weights = RnnGenWeights;");
            writer.Line(TypeNames.Kernels + ".VectorPath[] paths = _rnnGenPaths;");

            // Every layer reads stream s's input at `source`.Slice(s × stride + offset).
            var source = new BatchRows("inputs", 0, "InputSize");
            int denseOffset = 0;
            foreach (LayerPlan layer in plan.Layers)
            {
                LayerEmitter emitter = LayerEmitter.For(layer);
                writer.Line();
                writer.Line("// layer " + layer.Index + ": " + emitter.Describe(layer));
                bool last = layer == plan.Last;
                var target = new BatchRows("outputs", 0, "OutputSize");
                if (!last && !layer.OutputIsState)
                {
                    string width = layer.OutputWidth.ToString(CultureInfo.InvariantCulture);
                    target = new BatchRows("layer" + layer.Index + "Outputs", 0, width);
                    string start = denseOffset == 0 ? "0" : denseOffset + " * streams";
                    writer.Line($"global::System.Span<float> {target.Span} = layerOutputs.Slice({start}, streams * {width});");
                    denseOffset += layer.OutputWidth;
                }

                source = emitter.EmitStepBatch(writer, layer, source, target);
                if (last && layer.OutputIsState)
                {
                    writer.Line("for (int stream = 0; stream < streams; stream++)");
                    writer.Line("{");
                    writer.Line($"    {source.Of(layer.OutputWidth)}.CopyTo(outputs.Slice(stream * OutputSize, OutputSize));");
                    writer.Line("}");
                }
            }
        });
    }

    private static void EmitSkip(SourceWriter writer, ModelPlan plan, string inputs = "inputs", string outputs = "outputs")
    {
        if (plan.Model.Skip > 0)
        {
            writer.Line("// Skip = " + plan.Model.Skip + ": the first input features pass straight to the outputs.");
            writer.Line(TypeNames.Kernels + ".SkipConnection.Add(" + inputs + ", InputSize, " + outputs + ", OutputSize, " + plan.Model.Skip + ", streams, everyStep: true);");
        }
    }
}
