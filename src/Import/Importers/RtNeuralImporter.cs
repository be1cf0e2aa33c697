using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace RnnGen.Import;

/// <summary>
/// RTNeural's JSON (its Keras exporter's format): <c>in_shape</c> and <c>layers</c>, each with <c>type</c>,
/// <c>activation</c>, <c>shape</c> and <c>weights</c> = the Keras layer's <c>get_weights()</c>. Recurrent layers
/// run per sample, so they return every step; standalone activation layers fold into the Dense before them.
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

        int index = 0;
        int? output = null;
        foreach (JsonElement layer in layers.EnumerateArray())
        {
            string type = JsonInput.Text(layer, "type", $"{Format} layer {index}");
            string name = $"{type}_{index}";
            var weights = new List<RawTensor>();
            if (JsonInput.Optional(layer, "weights") is { ValueKind: JsonValueKind.Array } list)
            {
                int w = 0;
                foreach (JsonElement array in list.EnumerateArray())
                {
                    weights.Add(JsonTensor.Read(array, $"layers[{index}].weights[{w++}]"));
                }
            }

            string? problem = Add(model, layer, type, name, weights, ref output);
            model.SourceLayers.Add(new SourceLayer(name, type, weights.Select(t => t.Entry).ToList(), problem));
            if (problem is not null)
            {
                model.Unsupported.Add(problem);
                output = null;
            }

            index++;
        }

        if (model.Layers.Count > 0)
        {
            model.InputSize = model.Layers[0].InputSize;
            JsonElement inShape = JsonInput.Property(root, "in_shape", Format);
            if (inShape.ValueKind == JsonValueKind.Array && inShape.GetArrayLength() > 0 && inShape[inShape.GetArrayLength() - 1].TryGetInt64(out long declared) && declared != model.InputSize)
            {
                throw new ModelImportException($"{Format}: in_shape ends in {declared}, but the first layer takes {model.InputSize} inputs.");
            }
        }

        return model;
    }

    private static string? Add(ImportedModel model, JsonElement layer, string type, string name, List<RawTensor> weights, ref int? output)
    {
        string where = $"layer '{name}' ({type})";
        if (type is "tanh" or "relu" or "sigmoid" or "softmax")
        {
            if (model.Layers.Count > 0 && model.Layers[^1] is { Kind: LayerKind.Dense, Activation: Activation.Linear } dense && output is not null)
            {
                dense.Activation = type switch { "tanh" => Activation.Tanh, "relu" => Activation.Relu, "sigmoid" => Activation.Sigmoid, _ => Activation.Softmax };
                return null;
            }

            return $"{where} is only supported right after a Dense layer without activation";
        }

        LayerKind? kind = type switch { "dense" => LayerKind.Dense, "lstm" => LayerKind.Lstm, "gru" => LayerKind.Gru, _ => null };
        if (kind is null)
        {
            return $"{where} is not supported yet";
        }

        Activation activation = Activation.Linear;
        if (kind == LayerKind.Dense)
        {
            Activation? parsed = KerasActivations.Parse(JsonInput.Optional(layer, "activation"), false, out string activationName);
            if (parsed is null)
            {
                return $"{where}: activation '{activationName}' is not supported";
            }

            activation = parsed.Value;
        }

        int expected = kind == LayerKind.Dense ? 2 : 3;
        if (weights.Count != expected || weights[0].Shape.Length != 2)
        {
            throw new ModelImportException($"{Format} {where}: {weights.Count} weight arrays, expected {expected} (Keras get_weights() with bias) starting with a 2-D kernel.");
        }

        int inputSize = WeightBuilder.Size(weights[0].Shape[0], where + " input size");
        int gates = kind switch { LayerKind.Lstm => 4, LayerKind.Gru => 3, _ => 1 };
        int units = WeightBuilder.Size(weights[0].Shape[1] / gates, where + " units");
        if (output is not null && output != inputSize)
        {
            throw new ModelImportException($"{Format} {where}: takes {inputSize} inputs but the layer before outputs {output}.");
        }

        var imported = new ImportedLayer(name, kind.Value, inputSize, units)
        {
            Activation = kind == LayerKind.Dense ? activation : Activation.Tanh,
            ReturnSequences = kind != LayerKind.Dense,
            // RTNeural's GRU is Keras's reset_after=True ([2, 3u] bias); a [3u] bias is the original form.
            ResetAfter = kind == LayerKind.Gru && weights[^1].Shape.Length == 2,
        };
        imported.Weights.Add(kind == LayerKind.Dense
            ? WeightBuilder.FromKeras(imported, weights[0], null, weights[1])
            : WeightBuilder.FromKeras(imported, weights[0], weights[1], weights[2]));
        model.Layers.Add(imported);
        output = imported.OutputSize;
        return null;
    }
}
