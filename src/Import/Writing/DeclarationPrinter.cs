using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RnnGen.Import;

/// <summary>
/// The C# attribute lines that declare an imported model, e.g.
/// <c>[RnnModel(inputSize: 2, Weights = "ts9.safetensors", Layout = WeightLayout.PyTorch, Skip = 1)]</c>,
/// <c>[Lstm(20, ReturnSequences = true)]</c>, <c>[Dense(1)]</c>. Only properties that differ from the attribute
/// defaults are printed, so the lines read like hand-written ones.
/// </summary>
public static class DeclarationPrinter
{
    /// <summary>One attribute per line, ending with a newline.</summary>
    /// <param name="model">The imported model.</param>
    /// <param name="weightsPath">The safetensors file for <c>Weights = </c>, or null to leave the weights out.</param>
    /// <param name="layout">The layout that file was written in.</param>
    public static string Print(ImportedModel model, string? weightsPath, WeightLayout layout)
    {
        var text = new StringBuilder();
        var options = new List<string> { "inputSize: " + Number(model.InputSize) };
        if (weightsPath is not null)
        {
            options.Add("Weights = " + Quote(weightsPath));
            options.Add("Layout = WeightLayout." + layout);
        }

        if (model.Skip != 0)
        {
            options.Add("Skip = " + Number(model.Skip));
        }

        text.Append("[RnnModel(").Append(string.Join(", ", options)).Append(")]\n");
        foreach (ImportedLayer layer in model.Layers)
        {
            text.Append(Layer(layer)).Append('\n');
        }

        return text.ToString();
    }

    private static string Layer(ImportedLayer layer)
    {
        if (layer.Kind == LayerKind.Activation)
        {
            return "[ActivationLayer(Activation." + layer.Activation + Alpha(layer) + ")]";
        }

        var options = new List<string> { Number(layer.Units) };
        if (layer.Activation != (layer.Kind == LayerKind.Dense ? Activation.Linear : Activation.Tanh))
        {
            options.Add("Activation = Activation." + layer.Activation);
        }

        if (layer.Kind is LayerKind.Lstm or LayerKind.Gru && layer.RecurrentActivation != Activation.Sigmoid)
        {
            options.Add("RecurrentActivation = Activation." + layer.RecurrentActivation);
        }

        if (Alpha(layer) is { Length: > 0 } alpha)
        {
            options.Add(alpha.Substring(2));
        }

        if (!layer.UseBias)
        {
            options.Add("UseBias = false");
        }

        if (layer.Kind != LayerKind.Dense)
        {
            if (layer.ReturnSequences)
            {
                options.Add("ReturnSequences = true");
            }

            if (layer.Direction != Direction.Forward)
            {
                options.Add("Direction = Direction." + layer.Direction);
            }

            if (layer.Direction == Direction.Bidirectional && layer.MergeMode != MergeMode.Concat)
            {
                options.Add("MergeMode = MergeMode." + layer.MergeMode);
            }

            if (layer.Kind == LayerKind.Gru && !layer.ResetAfter)
            {
                options.Add("ResetAfter = false");
            }

            if (layer.LearnedInitialState)
            {
                options.Add("LearnedInitialState = true");
            }
        }

        string name = layer.Kind switch
        {
            LayerKind.Lstm => "Lstm",
            LayerKind.Gru => "Gru",
            LayerKind.SimpleRnn => "SimpleRnn",
            _ => "Dense",
        };
        return "[" + name + "(" + string.Join(", ", options) + ")]";
    }

    /// <summary><c>, Alpha = 0.3f</c> where the layer's α differs from its activation's default; empty otherwise.</summary>
    private static string Alpha(ImportedLayer layer)
    {
        bool uses = ActivationAlpha.Uses(layer.Activation) || (layer.Kind is LayerKind.Lstm or LayerKind.Gru && ActivationAlpha.Uses(layer.RecurrentActivation));
        float? alpha = layer.Alpha ?? ActivationAlpha.Default(layer.Activation);
        return uses && alpha is { } value && value != ActivationAlpha.Default(layer.Activation)
            ? ", Alpha = " + value.ToString("R", CultureInfo.InvariantCulture) + "f"
            : string.Empty;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // A C# regular string literal: backslashes and quotes escaped, control characters as \uXXXX.
    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            _ = c switch
            {
                '\\' => text.Append("\\\\"),
                '"' => text.Append("\\\""),
                < ' ' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }
}
