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
        var options = new List<string> { Number(layer.Units) };
        if (layer.Activation != (layer.Kind == LayerKind.Dense ? Activation.Linear : Activation.Tanh))
        {
            options.Add("Activation = Activation." + layer.Activation);
        }

        if (layer.Kind is LayerKind.Lstm or LayerKind.Gru && layer.RecurrentActivation != Activation.Sigmoid)
        {
            options.Add("RecurrentActivation = Activation." + layer.RecurrentActivation);
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
