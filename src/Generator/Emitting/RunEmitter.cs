using System;
using RnnGen.Generator.Emitting.Layers;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting;

/// <summary>
/// Writes <c>Run</c>: the whole sequence one layer at a time (each layer's weights stay hot in cache for all
/// steps, and Backward/Bidirectional layers need the whole input anyway). Intermediate sequences alternate
/// between two buffers; the last layer writes straight into the caller's outputs.
/// </summary>
internal static class RunEmitter
{
    public static void Emit(SourceWriter writer, ModelPlan plan)
    {
        int[] bufferWidths = new int[2];
        foreach (LayerPlan layer in plan.Layers)
        {
            if (layer != plan.Last)
            {
                bufferWidths[layer.Index % 2] = Math.Max(bufferWidths[layer.Index % 2], layer.OutputWidth);
            }
        }

        writer.Line("/// <summary>");
        writer.Line("/// Runs one whole sequence of T = inputs.Length / InputSize steps, continuing from <paramref name=\"state\"/> and");
        writer.Line("/// leaving the final states in it. Writes <see cref=\"OutputLength\"/>(T) floats. Allocates nothing on the managed heap.");
        writer.Line("/// </summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span has the wrong length; nothing was changed.</exception>");
        writer.Block("public void Run(global::System.ReadOnlySpan<float> inputs, ref State state, global::System.Span<float> outputs)", () =>
        {
            writer.Line("int timeSteps = " + TypeNames.Kernels + ".Guard.TimeSteps(inputs.Length, InputSize, outputs.Length, OutputSize, ReturnsSequences);");
            writer.Line("RunCore(inputs, timeSteps, ref state, outputs);");
            if (plan.Model.Skip > 0)
            {
                writer.Line("// Skip = " + plan.Model.Skip + ": the first input features pass straight to the outputs.");
                writer.Line(TypeNames.Kernels + ".SkipConnection.Add(inputs, InputSize, outputs, OutputSize, " + plan.Model.Skip + ", timeSteps, ReturnsSequences);");
            }
        });
        writer.Line();
        Snippets.SkipLocalsInit(writer, plan);
        writer.Block("private void RunCore(global::System.ReadOnlySpan<float> inputs, int timeSteps, ref State state, global::System.Span<float> outputs)", () =>
        {
            writer.Line(TypeNames.WeightSlots + " weights = RnnGenWeights;");
            if (plan.StateLength > 0)
            {
                writer.Line(TypeNames.Kernels + ".VectorPath[] paths = _rnnGenPaths;");
            }

            if (plan.StateLength > 0)
            {
                writer.Line("global::System.Span<float> values = state.Values;");
            }

            int fixedLength = plan.CellScratchLength + plan.ProjectionLength;
            if (bufferWidths[0] + bufferWidths[1] == 0)
            {
                Snippets.ConstantScratch(writer, "scratch", fixedLength);
            }
            else
            {
                writer.Line($"int scratchLength = {TypeNames.Kernels}.Guard.ScratchLength({fixedLength} + ((long)timeSteps * {bufferWidths[0] + bufferWidths[1]}), timeSteps);");
                writer.Line($"bool onStack = scratchLength <= {ModelLimits.StackScratchFloats};");
                writer.Line($"using {TypeNames.Kernels}.ScratchMemory scratchMemory = onStack ? default : new(scratchLength);");
                writer.Line("global::System.Span<float> scratch = onStack ? stackalloc float[scratchLength] : scratchMemory.Span;");
                writer.Line($"global::System.Span<float> bufferA = scratch.Slice({fixedLength}, timeSteps * {bufferWidths[0]});");
                writer.Line($"global::System.Span<float> bufferB = scratch.Slice({fixedLength} + (timeSteps * {bufferWidths[0]}), timeSteps * {bufferWidths[1]});");
            }

            if (plan.CellScratchLength > 0)
            {
                writer.Line("global::System.Span<float> cellScratch = scratch.Slice(0, CellScratchLength);");
            }

            if (plan.ProjectionLength > 0)
            {
                writer.Line($"global::System.Span<float> projections = scratch.Slice(CellScratchLength, {plan.ProjectionLength});");
            }

            string current = "inputs";
            foreach (LayerPlan layer in plan.Layers)
            {
                LayerEmitter emitter = LayerEmitter.For(layer);
                writer.Line();
                writer.Line("// layer " + layer.Index + ": " + emitter.Describe(layer));
                string target = layer == plan.Last
                    ? "outputs"
                    : (layer.Index % 2 == 0 ? "bufferA" : "bufferB") + ".Slice(0, " + (layer.OutputIsSequence ? "timeSteps * " : string.Empty) + layer.OutputWidth + ")";
                emitter.EmitRun(writer, layer, current, target);
                current = target;
            }
        });
    }
}
