using System.Collections.Generic;
using RnnGen.Generator.Emitting.Layers;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting;

/// <summary>Writes the nested <c>BatchState</c> class: the states of many streams for <c>StepBatch</c>, allocated once.</summary>
internal static class BatchStateEmitter
{
    public static void Emit(SourceWriter writer, ModelPlan plan)
    {
        int innerOutputs = plan.InnerOutputWidth;
        writer.Line("/// <summary>");
        writer.Line("/// The recurrent states of up to <see cref=\"Capacity\"/> independent streams, for <c>StepBatch</c>; zero when created.");
        writer.Line("/// Stream s holds the floats of one <see cref=\"State\"/>, in the same order, at [s × StateLength, (s + 1) × StateLength):");
        writer.Line("/// the batched kernels broadcast one h value per stream and row and store each stream's new block of units as one");
        writer.Line("/// register, both cheap when a stream's state is contiguous, and <see cref=\"Read\"/>/<see cref=\"Write\"/> are one copy.");
        writer.Line("/// All memory is allocated by the constructor; stepping allocates nothing.");
        writer.Line("/// </summary>");
        writer.Block("public sealed class BatchState", () =>
        {
            writer.Line("private readonly float[] _values;");
            if (innerOutputs > 0)
            {
                writer.Line();
                writer.Line("/// <summary>Outputs of the inner Dense and activation layers for every stream (" + innerOutputs + " floats per stream).</summary>");
                writer.Line("private readonly float[] _layerOutputs;");
            }

            writer.Line();
            writer.Line("/// <summary>Room for <paramref name=\"capacity\"/> streams, all at the zero initial state.</summary>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"capacity\"/> is less than 1.</exception>");
            writer.Block("public BatchState(int capacity)", () =>
            {
                writer.Line("if (capacity < 1)");
                writer.Line("{");
                writer.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(capacity), capacity, \"A batch holds at least one stream.\");");
                writer.Line("}");
                writer.Line();
                writer.Line("Capacity = capacity;");
                writer.Line("_values = new float[checked(capacity * StateLength)];");
                writer.Line("Range = new BatchRange(this);");
                if (innerOutputs > 0)
                {
                    writer.Line("_layerOutputs = new float[checked(capacity * " + innerOutputs + ")];");
                }
            });
            writer.Line();
            writer.Line("/// <summary>The most streams one <c>StepBatch</c> call can step.</summary>");
            writer.Line("public int Capacity { get; }");
            writer.Line();
            writer.Line("/// <summary>Puts stream <paramref name=\"stream\"/> back to all zeros (the model's <c>ResetState(batch, stream)</c> starts it from its learned initial state instead).</summary>");
            writer.Line("public void Reset(int stream) => StreamValues(stream).Clear();");
            writer.Line();
            writer.Line("/// <summary>Puts every stream back to the zero initial state.</summary>");
            writer.Line("public void ResetAll() => global::System.Array.Clear(_values);");
            writer.Line();
            writer.Line("/// <summary>Copies stream <paramref name=\"stream\"/>'s state into <paramref name=\"state\"/>.</summary>");
            writer.Line("public void Read(int stream, ref State state) => StreamValues(stream).CopyTo(state.Values);");
            writer.Line();
            writer.Line("/// <summary>Sets stream <paramref name=\"stream\"/>'s state to a copy of <paramref name=\"state\"/> (e.g. an initial state).</summary>");
            writer.Line("public void Write(int stream, in State state) => state.ReadOnlyValues.CopyTo(StreamValues(stream));");
            writer.Line();
            writer.Line("/// <summary>Stream <paramref name=\"stream\"/>'s hidden state h of a recurrent layer (index among all layers), in place: read or write it.</summary>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">No such stream, or that layer has no hidden state.</exception>");
            Accessor(writer, plan, StatePart.Hidden);
            writer.Line();
            writer.Line("/// <summary>Stream <paramref name=\"stream\"/>'s cell state c of an LSTM layer (index among all layers), in place.</summary>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">No such stream, or that layer is not an LSTM.</exception>");
            Accessor(writer, plan, StatePart.Cell);
            writer.Line();
            writer.Line("internal global::System.Span<float> Values => _values;");
            writer.Line();
            writer.Line("internal BatchRange Range { get; }");
            if (innerOutputs > 0)
            {
                writer.Line();
                writer.Line("internal global::System.Span<float> LayerOutputs => _layerOutputs;");
            }

            writer.Line();
            writer.Line("internal global::System.Span<float> StreamValues(int stream) => (uint)stream < (uint)Capacity");
            writer.Line("    ? new global::System.Span<float>(_values, stream * StateLength, StateLength)");
            writer.Line("    : throw " + TypeNames.Kernels + ".Guard.NoStream(stream, Capacity);");
        });
    }

    /// <summary>A per-stream view of one layer's h or c: a slice of the stream's floats, no copy (every layer is Forward).</summary>
    private static void Accessor(SourceWriter writer, ModelPlan plan, StatePart part)
    {
        var arms = new List<string>();
        foreach (LayerPlan layer in plan.Layers)
        {
            foreach (StateView view in LayerEmitter.For(layer).StateViews(layer))
            {
                if (view.Part == part && view.Direction == 0)
                {
                    arms.Add($"{layer.Index} => StreamValues(stream).Slice({view.Offset}, {view.Length}),");
                }
            }
        }

        string accessor = part.ToString();
        string signature = "public global::System.Span<float> " + accessor + "(int stream, int layer)";
        string fail = $"throw {TypeNames.Kernels}.Guard.NoState({SourceWriter.Literal(plan.Model.TypeName + ".BatchState." + accessor)}, layer, 0, State.Layout)";
        Snippets.SwitchMember(writer, signature, "layer", arms, fail);
    }
}
