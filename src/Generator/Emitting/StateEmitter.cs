using System.Collections.Generic;
using System.Linq;
using RnnGen.Generator.Emitting.Layers;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting;

/// <summary>Writes the nested <c>State</c> struct: every layer's h and c inline, so a State lives wherever its owner does.</summary>
internal static class StateEmitter
{
    public static void Emit(SourceWriter writer, ModelPlan plan)
    {
        string name = plan.Model.TypeName;
        var hidden = new List<string>();
        var cell = new List<string>();
        var described = new List<string>();
        foreach (LayerPlan layer in plan.Layers)
        {
            StateView[] views = LayerEmitter.For(layer).StateViews(layer).ToArray();
            if (views.Length == 0)
            {
                continue;
            }

            foreach (StateView view in views)
            {
                (view.Part == StatePart.Cell ? cell : hidden).Add($"({layer.Index}, {view.Direction}) => Values.Slice({view.Offset}, {view.Length}),");
            }

            LayerSpec spec = layer.Spec;
            string parts = string.Join(" and ", views.Where(view => view.Direction == 0).Select(view => view.Part.ToString().ToLowerInvariant()));
            string directions = spec.Directions == 2 ? " directions 0 (forward) and 1 (backward)" : " direction 0";
            described.Add($"layer {layer.Index} {spec.Describe()}: {parts},{directions}");
        }

        string stateLayers = described.Count == 0
            ? "This model has no recurrent layer, so its State holds nothing."
            : "States exist for " + string.Join("; ", described) + ".";

        writer.Line("/// <summary>");
        writer.Line("/// The recurrent state of one stream: every layer's h (and LSTM c), inline, no heap. <c>default</c> is the zero");
        writer.Line("/// initial state. Write into <see cref=\"Hidden\"/>/<see cref=\"Cell\"/> before a run to set Keras initial_state /");
        writer.Line("/// PyTorch h0, c0; read them after to get Keras return_state / PyTorch h_n, c_n. Keep one per stream.");
        writer.Line("/// </summary>");
        writer.Block("public struct State", () =>
        {
            writer.Line("internal const string Layout = " + SourceWriter.Literal(stateLayers) + ";");
            writer.Line();
            bool stateless = plan.StateLength == 0; // only Dense and activation layers: nothing to carry between steps
            if (!stateless)
            {
                writer.Line("private RnnGenStateValues _values;");
                writer.Line();
            }

            writer.Line("/// <summary>Hidden state h of a recurrent layer (index among all layers); <paramref name=\"direction\"/> 0 forward, 1 backward.</summary>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">That layer/direction has no hidden state.</exception>");
            writer.Line("[global::System.Diagnostics.CodeAnalysis.UnscopedRef]");
            Accessor(writer, "Hidden", name, hidden);
            writer.Line();
            writer.Line("/// <summary>Cell state c of an LSTM layer (index among all layers); <paramref name=\"direction\"/> 0 forward, 1 backward.</summary>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">That layer/direction is not an LSTM.</exception>");
            writer.Line("[global::System.Diagnostics.CodeAnalysis.UnscopedRef]");
            Accessor(writer, "Cell", name, cell);
            writer.Line();
            writer.Line("/// <summary>Back to the zero initial state.</summary>");
            writer.Line("public void Reset() => Values.Clear();");
            writer.Line();
            writer.Line("[global::System.Diagnostics.CodeAnalysis.UnscopedRef]");
            writer.Line("internal global::System.Span<float> Values => " + (stateless ? "default;" : "_values;"));
            if (plan.CanStream)
            {
                // BatchState.Write reads an `in State`, where only readonly members are free of defensive copies.
                writer.Line();
                writer.Line("[global::System.Diagnostics.CodeAnalysis.UnscopedRef]");
                writer.Line("internal readonly global::System.ReadOnlySpan<float> ReadOnlyValues => " + (stateless ? "default;" : "_values;"));
            }
        });
        if (plan.StateLength > 0)
        {
            writer.Line();
            writer.Line("[global::System.Runtime.CompilerServices.InlineArray(StateLength)]");
            writer.Block("private struct RnnGenStateValues", () => writer.Line("private float _element0;"));
        }
    }

    private static void Accessor(SourceWriter writer, string accessor, string model, List<string> arms)
    {
        string signature = "public global::System.Span<float> " + accessor + "(int layer, int direction = 0)";
        string fail = $"throw {TypeNames.Kernels}.Guard.NoState({SourceWriter.Literal(model + ".State." + accessor)}, layer, direction, Layout)";
        Snippets.SwitchMember(writer, signature, "(layer, direction)", arms, fail);
    }
}
