using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace RnnGen.Import;

/// <summary>
/// RTNeural's JSON, as its exporters write it (<c>python/model_utils.py</c> for Keras, <c>model_utils_torch.py</c> for
/// PyTorch): <c>in_shape</c> and <c>layers</c>, each with <c>type</c>, <c>activation</c>, <c>shape</c> and
/// <c>weights</c> = the Keras layer's <c>get_weights()</c> in Keras orientation (kernel <c>[in][out]</c>, recurrent
/// kernel <c>[units][gates·units]</c>, gates i,f,c,o / z,r,h). Types: <c>dense</c> and <c>time-distributed-dense</c>
/// (kernel, and a bias unless the layer has none), <c>lstm</c>, <c>gru</c> (bias <c>[2][3u]</c> for Keras's reset-after
/// form, <c>[3u]</c> for the original form), and <c>activation</c>. Recurrent layers run per sample, so they return
/// every step. A standalone activation folds into a linear Dense before it, else runs as a layer of its own.
/// </summary>
public static class RtNeuralImporter
{
    private const string Format = "RTNeural JSON";

    /// <summary>Whether the JSON looks like this format.</summary>
    public static bool Recognises(JsonElement root) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty("in_shape", out _) && root.TryGetProperty("layers", out _);

    /// <summary>Reads the model.</summary>
    public static ImportedModel Read(JsonElement root)
    {
        var model = new ImportedModel(Format, WeightLayout.Keras);
        JsonElement layers = JsonInput.Property(root, "layers", Format);
        if (layers.ValueKind != JsonValueKind.Array)
        {
            throw new ModelImportException($"{Format}: 'layers' is {layers.ValueKind}, not a list.");
        }

        int? width = InputWidth(JsonInput.Property(root, "in_shape", Format));
        int index = 0;
        foreach (JsonElement layer in layers.EnumerateArray())
        {
            string type = JsonInput.Text(layer, "type", $"{Format} layers[{index}]");
            string name = JsonInput.Optional(layer, "name") is { ValueKind: JsonValueKind.String } given ? given.GetString()! : $"{type}_{index}";
            var weights = new List<RawTensor>();
            if (JsonInput.Optional(layer, "weights") is { ValueKind: JsonValueKind.Array } list)
            {
                int w = 0;
                foreach (JsonElement array in list.EnumerateArray())
                {
                    weights.Add(JsonTensor.Read(array, $"layers[{index}].weights[{w++}]"));
                }
            }

            string? problem = width is null
                ? $"layers[{index}] '{name}' ({type}) follows a layer RnnGen cannot run, so its input size is unknown"
                : Add(model, layer, index, type, name, weights, ref width);
            if (problem is null)
            {
                CheckShape(layer, index, name, type, width!.Value);
            }

            model.SourceLayers.Add(new SourceLayer(name, type, weights.Select(t => t.Entry).ToList(), problem));
            if (problem is not null)
            {
                model.Unsupported.Add(problem);
                width = null;
            }

            index++;
        }

        return model;
    }

    /// <summary>The input width: <c>in_shape</c>'s last entry (<c>[null, null, 1]</c>, or <c>[null, 1]</c> for a model without time axis).</summary>
    private static int? InputWidth(JsonElement inShape)
    {
        if (inShape.ValueKind != JsonValueKind.Array || inShape.GetArrayLength() == 0 || !inShape[inShape.GetArrayLength() - 1].TryGetInt64(out long last))
        {
            throw new ModelImportException($"{Format}: 'in_shape' must be a list ending in the number of input features, e.g. [null, null, 1]; it is {inShape.GetRawText()}.");
        }

        return WeightBuilder.Size(last, $"{Format}: in_shape's input size");
    }

    /// <summary>Adds the layer (or folds it into the one before); returns why it cannot, or null.</summary>
    private static string? Add(ImportedModel model, JsonElement layer, int index, string type, string name, List<RawTensor> weights, ref int? width)
    {
        string where = $"layers[{index}] '{name}' ({type})";
        int inputs = width!.Value;
        if (model.Layers.Count == 0)
        {
            model.InputSize = inputs;
        }

        Activation? activation = KerasActivations.Parse(JsonInput.Optional(layer, "activation"), false, out string activationName, out float? alpha);
        if (activation is null)
        {
            return $"{where}: activation '{activationName}' is not supported";
        }

        switch (type)
        {
            case "activation":
                if (activation == Activation.Linear)
                {
                    model.Notes.Add($"{where} has no activation and was skipped");
                    return null;
                }

                model.Notes.Add(StandaloneActivations.Append(model, name, inputs, activation.Value, alpha));
                return null;
            case "dense" or "time-distributed-dense":
                return AddDense(model, where, name, weights, activation.Value, alpha, ref width);
            case "lstm" or "gru":
                return AddRecurrent(model, layer, where, name, type == "lstm" ? LayerKind.Lstm : LayerKind.Gru, weights, activation.Value, ref width);
            default:
                return $"{where} is not supported yet";
        }
    }

    private static string? AddDense(ImportedModel model, string where, string name, List<RawTensor> weights, Activation activation, float? alpha, ref int? width)
    {
        if (weights.Count is < 1 or > 2 || weights[0].Shape.Length != 2)
        {
            throw new ModelImportException($"{Format} {where}: {weights.Count} weight arrays; a dense layer has its kernel [inputs][units] and, unless it has no bias, a bias [units].");
        }

        int units = WeightBuilder.Size(weights[0].Shape[1], where + " units");
        var dense = new ImportedLayer(name, LayerKind.Dense, CheckInputs(where, weights[0], width!.Value), units)
        {
            Activation = activation,
            Alpha = alpha,
            UseBias = weights.Count == 2,
        };
        dense.Weights.Add(WeightBuilder.FromKeras(dense, weights[0], null, dense.UseBias ? weights[1] : null));
        model.Layers.Add(dense);
        width = units;
        return null;
    }

    private static string? AddRecurrent(ImportedModel model, JsonElement layer, string where, string name, LayerKind kind, List<RawTensor> weights, Activation activation, ref int? width)
    {
        if (weights.Count is < 2 or > 3 || weights[0].Shape.Length != 2 || weights[1].Shape.Length != 2)
        {
            throw new ModelImportException($"{Format} {where}: {weights.Count} weight arrays; a recurrent layer has its kernel [inputs][gates·units], recurrent kernel [units][gates·units] and, unless it has no bias, a bias.");
        }

        if (activation is Activation.Linear or Activation.Softmax)
        {
            // RTNeural's exporters write "" when they do not know the activation; RTNeural itself always uses tanh.
            activation = Activation.Tanh;
        }

        int units = WeightBuilder.Size(weights[1].Shape[0], where + " units");
        var imported = new ImportedLayer(name, kind, CheckInputs(where, weights[0], width!.Value), units)
        {
            Activation = activation,
            ReturnSequences = true,
            UseBias = weights.Count == 3,
            // Keras's reset-after GRU stores [2, 3u] biases (input row, recurrent row); a [3u] bias is the original form.
            ResetAfter = kind == LayerKind.Gru && (weights.Count < 3 || weights[2].Shape.Length == 2),
        };
        imported.Weights.Add(WeightBuilder.FromKeras(imported, weights[0], weights[1], imported.UseBias ? weights[2] : null));
        model.Layers.Add(imported);
        if (model.Notes.All(n => !n.StartsWith("recurrent", System.StringComparison.Ordinal)))
        {
            model.Notes.Add("recurrent layers use sigmoid gates, as RTNeural does (its JSON does not record them), and return every step");
        }

        width = units;
        return null;
    }

    /// <summary>RTNeural sizes each layer by its <c>shape</c>'s last entry: a file where that disagrees with the weights is refused.</summary>
    private static void CheckShape(JsonElement layer, int index, string name, string type, int width)
    {
        if (JsonInput.Optional(layer, "shape") is { ValueKind: JsonValueKind.Array } shape && shape.GetArrayLength() > 0
            && shape[shape.GetArrayLength() - 1].TryGetInt64(out long declared) && declared != width)
        {
            throw new ModelImportException($"{Format} layers[{index}] '{name}' ({type}): its shape ends in {declared}, but its weights (or, for an activation, its input) make it output {width}.");
        }
    }

    /// <summary>The kernel's input size, which must be what the layer before outputs (or in_shape's last entry).</summary>
    private static int CheckInputs(string where, RawTensor kernel, int width)
    {
        int inputs = WeightBuilder.Size(kernel.Shape[0], where + " input size");
        if (inputs != width)
        {
            throw new ModelImportException($"{Format} {where}: its kernel '{kernel.Name}' has shape {kernel.ShapeText}, so it takes {inputs} inputs, but {width} arrive (from in_shape or the layer before).");
        }

        return inputs;
    }
}
