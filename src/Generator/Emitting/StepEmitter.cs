using RnnGen.Generator.Emitting.Layers;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting;

/// <summary>Writes <c>Step</c>: one input vector through every layer, states updated in place.</summary>
internal static class StepEmitter
{
    public static void Emit(SourceWriter writer, ModelPlan plan)
    {
        // Layers whose output is not their state write it into scratch for the next layer (the last into `output`).
        int denseScratch = plan.InnerOutputWidth;

        writer.Line("/// <summary>");
        writer.Line("/// Advances every layer by one time step (streaming): reads <see cref=\"InputSize\"/> floats, writes");
        writer.Line("/// <see cref=\"OutputSize\"/> floats — what <see cref=\"Run\"/> would output for the sequence so far. Allocates nothing.");
        writer.Line("/// </summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span has the wrong length; nothing was changed.</exception>");
        writer.Block("public void Step(global::System.ReadOnlySpan<float> input, ref State state, global::System.Span<float> output)", () =>
        {
            writer.Line(TypeNames.Kernels + ".Guard.StepLengths(input.Length, InputSize, output.Length, OutputSize);");
            writer.Line("StepCore(input, ref state, output);");
            if (plan.Model.Skip > 0)
            {
                writer.Line("// Skip = " + plan.Model.Skip + ": the first input features pass straight to the outputs.");
                writer.Line(TypeNames.Kernels + ".SkipConnection.Add(input, InputSize, output, OutputSize, " + plan.Model.Skip + ", 1, everyStep: true);");
            }
        });
        writer.Line();
        Snippets.SkipLocalsInit(writer, plan);
        writer.Block("private void StepCore(global::System.ReadOnlySpan<float> input, ref State state, global::System.Span<float> output)", () =>
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

            if (denseScratch > 0)
            {
                // Recurrent cells take their own (unzeroed) scratch: see RnnGen.Kernels.RecurrentStep.
                Snippets.ConstantScratch(writer, "scratch", denseScratch);
            }

            string current = "input";
            int denseOffset = 0;
            foreach (LayerPlan layer in plan.Layers)
            {
                LayerEmitter emitter = LayerEmitter.For(layer);
                writer.Line();
                writer.Line("// layer " + layer.Index + ": " + emitter.Describe(layer));
                bool last = layer == plan.Last;
                string target = last || layer.OutputIsState ? "output" : $"scratch.Slice({denseOffset}, {layer.OutputWidth})";
                if (!last && !layer.OutputIsState)
                {
                    denseOffset += layer.OutputWidth;
                }

                current = emitter.EmitStep(writer, layer, current, target);
                if (last && layer.OutputIsState)
                {
                    writer.Line(current + ".CopyTo(output);");
                }
            }
        });
    }
}
