using RnnGen.Generator.Infrastructure;

namespace RnnGen.Generator.Emitting;

/// <summary>Writes the nested <c>BatchState</c> class: the states of many streams for <c>StepBatch</c>, allocated once.</summary>
internal static class BatchStateEmitter
{
    public static void Emit(SourceWriter writer, ModelPlan plan)
    {
        int innerDense = plan.InnerDenseWidth;
        writer.Line("/// <summary>");
        writer.Line("/// The recurrent states of up to <see cref=\"Capacity\"/> independent streams, for <see cref=\"StepBatch\"/>; zero when created.");
        writer.Line("/// Stream s holds the floats of one <see cref=\"State\"/>, in the same order, at [s × StateLength, (s + 1) × StateLength):");
        writer.Line("/// the batched kernels broadcast one h value per stream and row and store each stream's new block of units as one");
        writer.Line("/// register, both cheap when a stream's state is contiguous, and <see cref=\"Read\"/>/<see cref=\"Write\"/> are one copy.");
        writer.Line("/// All memory is allocated by the constructor; stepping allocates nothing.");
        writer.Line("/// </summary>");
        writer.Block("public sealed class BatchState", () =>
        {
            writer.Line("private readonly float[] _values;");
            if (innerDense > 0)
            {
                writer.Line();
                writer.Line("/// <summary>Outputs of the inner Dense layers for every stream (" + innerDense + " floats per stream).</summary>");
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
                if (innerDense > 0)
                {
                    writer.Line("_layerOutputs = new float[checked(capacity * " + innerDense + ")];");
                }
            });
            writer.Line();
            writer.Line("/// <summary>The most streams one <see cref=\"StepBatch\"/> call can step.</summary>");
            writer.Line("public int Capacity { get; }");
            writer.Line();
            writer.Line("/// <summary>Puts stream <paramref name=\"stream\"/> back to the zero initial state.</summary>");
            writer.Line("public void Reset(int stream) => Stream(stream).Clear();");
            writer.Line();
            writer.Line("/// <summary>Puts every stream back to the zero initial state.</summary>");
            writer.Line("public void ResetAll() => global::System.Array.Clear(_values);");
            writer.Line();
            writer.Line("/// <summary>Copies stream <paramref name=\"stream\"/>'s state into <paramref name=\"state\"/>.</summary>");
            writer.Line("public void Read(int stream, ref State state) => Stream(stream).CopyTo(state.Values);");
            writer.Line();
            writer.Line("/// <summary>Sets stream <paramref name=\"stream\"/>'s state to a copy of <paramref name=\"state\"/> (e.g. an initial state).</summary>");
            writer.Line("public void Write(int stream, in State state) => state.ReadOnlyValues.CopyTo(Stream(stream));");
            writer.Line();
            writer.Line("internal global::System.Span<float> Values => _values;");
            if (innerDense > 0)
            {
                writer.Line();
                writer.Line("internal global::System.Span<float> LayerOutputs => _layerOutputs;");
            }

            writer.Line();
            writer.Line("private global::System.Span<float> Stream(int stream) => (uint)stream < (uint)Capacity");
            writer.Line("    ? new global::System.Span<float>(_values, stream * StateLength, StateLength)");
            writer.Line("    : throw " + TypeNames.Kernels + ".Guard.NoStream(stream, Capacity);");
        });
    }
}
