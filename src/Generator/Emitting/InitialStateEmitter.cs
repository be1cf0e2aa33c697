using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting;

/// <summary>
/// Writes <c>NewState</c> and <c>ResetState</c>: where a new stream starts. That is the learned initial state when the
/// weights carry one (the last weight array, see <c>WeightSlots</c>), else zeros, as <c>default(State)</c> always is.
/// </summary>
internal static class InitialStateEmitter
{
    public static void Emit(SourceWriter writer, ModelPlan plan)
    {
        string? learned = plan.InitialStateSlot is { } slot ? $"RnnGenWeights[{slot}].Span" : null;
        string source = learned is null
            ? "all zeros (no layer of this model learned its initial state), the same as <c>default(State)</c>"
            : "the initial state learned with the weights (layers without one start at zero); <c>default(State)</c> is all zeros instead";

        writer.Line("/// <summary>The state a new stream starts from: " + source + ".</summary>");
        writer.Block("public State NewState()", () =>
        {
            writer.Line("State state = default;");
            writer.Line("ResetState(ref state);");
            writer.Line("return state;");
        });
        writer.Line();
        writer.Line("/// <summary>Puts <paramref name=\"state\"/> back where a new stream starts (see <see cref=\"NewState\"/>).</summary>");
        writer.Line("public void ResetState(ref State state) => " + (learned is null ? "state.Reset();" : $"{learned}.CopyTo(state.Values);"));
        if (plan.CanStream)
        {
            writer.Line();
            writer.Line("/// <summary>Puts stream <paramref name=\"stream\"/> of <paramref name=\"state\"/> back where a new stream starts (see <see cref=\"NewState\"/>).</summary>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">No such stream.</exception>");
            writer.Line("public void ResetState(BatchState state, int stream) => " + (learned is null
                ? "state.Reset(stream);"
                : $"{learned}.CopyTo(state.StreamValues(stream));"));
        }
    }
}
