using System;
using System.Collections.Generic;
using System.Text.Json;

namespace RnnGen.Import;

/// <summary>
/// GuitarML / Automated-GuitarAmpModelling JSON: <c>model_data</c> (unit_type LSTM/GRU, hidden_size, num_layers,
/// input_size, output_size, skip, bias_fl) and a <c>state_dict</c> of nested lists (<c>rec.*</c>, <c>lin.*</c>).
/// The network is <c>lin(rec(x)) + x[..., :skip]</c> on every step.
/// </summary>
public static class GuitarMlImporter
{
    /// <summary>Whether the JSON looks like this format.</summary>
    public static bool Recognises(JsonElement root) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty("model_data", out _) && root.TryGetProperty("state_dict", out _);

    /// <summary>Reads the model.</summary>
    public static ImportedModel Read(JsonElement root)
    {
        const string format = "GuitarML JSON";
        var model = new ImportedModel(format, WeightLayout.PyTorch);
        JsonElement data = JsonInput.Property(root, "model_data", format);
        JsonElement stateDict = JsonInput.Property(root, "state_dict", format);
        if (stateDict.ValueKind != JsonValueKind.Object)
        {
            throw new ModelImportException($"{format}: 'state_dict' is {stateDict.ValueKind}, not an object.");
        }

        var tensors = new List<RawTensor>();
        foreach (JsonProperty property in stateDict.EnumerateObject())
        {
            tensors.Add(JsonTensor.Read(property.Value, property.Name));
        }

        StateDictLayers.Read(model, tensors, format, registrationOrder: true);
        model.Notes.Clear(); // GuitarML's forward is fixed: every step through rec then lin, so the order and sequences are known.
        if (model.Unsupported.Count > 0)
        {
            return model;
        }

        string unitType = JsonInput.Text(data, "unit_type", format + " model_data");
        LayerKind expected = unitType switch
        {
            "LSTM" => LayerKind.Lstm,
            "GRU" => LayerKind.Gru,
            _ => throw new ModelImportException($"{format}: model_data unit_type '{unitType}' is not LSTM or GRU."),
        };
        long hidden = JsonInput.Integer(data, "hidden_size", format + " model_data");
        long inputSize = JsonInput.Integer(data, "input_size", format + " model_data");
        foreach (ImportedLayer layer in model.Layers)
        {
            if (layer.Kind != LayerKind.Dense && (layer.Kind != expected || layer.Units != hidden))
            {
                throw new ModelImportException($"{format}: state_dict module '{layer.SourceName}' is {layer.Kind}({layer.Units}), but model_data says {unitType}({hidden}).");
            }
        }

        if (inputSize != model.InputSize)
        {
            throw new ModelImportException($"{format}: model_data input_size is {inputSize}, but the state_dict's first layer takes {model.InputSize}.");
        }

        long skip = JsonInput.Optional(data, "skip") is { } skipValue && skipValue.TryGetInt64(out long s) ? s : 0;
        int outputSize = model.Layers[^1].OutputSize;
        if (skip < 0 || skip > Math.Min(model.InputSize, outputSize))
        {
            throw new ModelImportException($"{format}: model_data skip is {skip}, but it must be between 0 and min(input_size {model.InputSize}, output size {outputSize}).");
        }

        model.Skip = (int)skip;
        return model;
    }
}
