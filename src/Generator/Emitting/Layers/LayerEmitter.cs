using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting.Layers;

/// <summary>
/// What one layer kind writes into each generated member. The model emitters (Step, Run, StepBatch, State,
/// BatchState, path choice) walk the layers and call these, and never branch on a layer's kind themselves:
/// a new kind is one new subclass and one line in <see cref="For(LayerKind)"/>.
/// </summary>
internal abstract class LayerEmitter
{
    public static LayerEmitter For(LayerKind kind) => kind switch
    {
        LayerKind.Lstm => LstmLayerEmitter.Instance,
        LayerKind.Gru => GruLayerEmitter.Instance,
        LayerKind.SimpleRnn => SimpleRnnLayerEmitter.Instance,
        LayerKind.Dense => DenseLayerEmitter.Instance,
        LayerKind.Activation => ActivationLayerEmitter.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no emitter for this layer kind"),
    };

    public static LayerEmitter For(LayerPlan layer) => For(layer.Spec.Kind);

    /// <summary>One line for comments, e.g. <c>Lstm(2, Tanh, gates Sigmoid) 5 → 2 per step</c>.</summary>
    public string Describe(LayerPlan layer)
    {
        LayerSpec spec = layer.Spec;
        var text = new StringBuilder(DescribeHead(spec));
        DescribeOptions(spec, text);
        if (spec.Alpha is { } alpha)
        {
            text.Append(", α ").Append(alpha.ToString("R", CultureInfo.InvariantCulture));
        }

        if (!spec.UseBias && LayerKinds.HasWeights(spec.Kind))
        {
            text.Append(", no bias");
        }

        if (spec.LearnedInitialState)
        {
            text.Append(", learned initial state");
        }

        text.Append(") ").Append(layer.InputWidth).Append(" → ").Append(layer.OutputWidth);
        text.Append(layer.OutputIsSequence ? " per step" : " (last step)");
        return text.ToString();
    }

    /// <summary>
    /// Step: the layer's statements on one vector <paramref name="input"/>. Returns the expression of its output:
    /// <paramref name="output"/> (the next layer's buffer or the caller's span), or a view of the state when
    /// <see cref="LayerPlan.OutputIsState"/> (the model emitter then copies it out if the layer is last).
    /// </summary>
    public abstract string EmitStep(SourceWriter writer, LayerPlan layer, string input, string output);

    /// <summary>Run: the layer over <c>timeSteps</c> steps of <paramref name="input"/>, into <paramref name="output"/>.</summary>
    public abstract void EmitRun(SourceWriter writer, LayerPlan layer, string input, string output);

    /// <summary>
    /// StepBatch: the layer on every stream's vector in <paramref name="input"/>. Returns where each stream's output is:
    /// <paramref name="output"/>, or the layer's state when <see cref="LayerPlan.OutputIsState"/>.
    /// </summary>
    public abstract BatchRows EmitStepBatch(SourceWriter writer, LayerPlan layer, BatchRows input, BatchRows output);

    /// <summary>The expression choosing the layer's vector path when the model is created (may span lines).</summary>
    public abstract string ChoosePath(LayerPlan layer);

    /// <summary>The per-direction views of the layer's state that <c>State</c> and <c>BatchState</c> expose.</summary>
    public virtual IEnumerable<StateView> StateViews(LayerPlan layer) => Array.Empty<StateView>();

    /// <summary>Nested types the layer's kernels specialise on (sizes, α).</summary>
    public void EmitTypes(SourceWriter writer, LayerPlan layer)
    {
        EmitKernelTypes(writer, layer);
        if (TypeNames.AlphaOf(layer) is { } alphaName)
        {
            writer.Line();
            writer.Block("private readonly struct " + alphaName + " : " + TypeNames.Activations + ".IActivationAlpha", () =>
                writer.Line("public static float Value => " + SourceWriter.Float(layer.Spec.Alpha!.Value) + ";"));
        }
    }

    /// <summary>The comment's start, e.g. <c>Lstm(2</c>; <see cref="Describe"/> closes it.</summary>
    protected virtual string DescribeHead(LayerSpec spec) => spec.Kind + "(" + spec.Units;

    /// <summary>The kind's own options in the comment, each starting with ", ".</summary>
    protected abstract void DescribeOptions(LayerSpec spec, StringBuilder text);

    protected virtual void EmitKernelTypes(SourceWriter writer, LayerPlan layer)
    {
    }
}

/// <summary>One direction's h or c: <see cref="Part"/> names the State accessor that returns it, at an offset in the State's floats.</summary>
internal readonly record struct StateView(StatePart Part, int Direction, int Offset, int Length);

/// <summary>The parts of a layer's state that State and BatchState expose, by accessor name.</summary>
internal enum StatePart
{
    Hidden,
    Cell,
}
