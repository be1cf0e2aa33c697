using System.Collections.Generic;
using System.Text.Json;

namespace RnnGen.Import;

/// <summary>
/// A PyTorch <c>state_dict</c> dumped as one JSON object, the way RTNeural's PyTorch path and GuitarML-style scripts
/// write it: <c>json.dump({k: v.tolist() for k, v in model.state_dict().items()}, f)</c>, each tensor as nested lists.
/// Layers are inferred from names and shapes as for a safetensors state_dict (<see cref="StateDictLayers"/>).
/// </summary>
public static class TorchStateDictJsonImporter
{
    private const string Format = "PyTorch state_dict JSON";

    /// <summary>Whether the JSON looks like this format: an object whose every value is a tensor (nested lists or a number), at least one a list.</summary>
    public static bool Recognises(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        bool anyList = false;
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (property.Value.ValueKind is not (JsonValueKind.Array or JsonValueKind.Number))
            {
                return false;
            }

            anyList |= property.Value.ValueKind == JsonValueKind.Array;
        }

        return anyList;
    }

    /// <summary>Reads the tensors and infers the layers (in the order <paramref name="options"/> gives, if it gives one).</summary>
    public static ImportedModel Read(JsonElement root, ImportOptions options)
    {
        var model = new ImportedModel(Format, WeightLayout.PyTorch);
        var tensors = new List<RawTensor>();
        foreach (JsonProperty property in root.EnumerateObject())
        {
            tensors.Add(JsonTensor.Read(property.Value, property.Name));
        }

        StateDictLayers.Read(model, tensors, Format, registrationOrder: true, options.ModuleOrder);
        return model;
    }
}
