using System.Collections.Generic;
using System.Text.Json;

namespace RnnGen.Import;

/// <summary>One entry of a Keras model config's <c>layers</c> list.</summary>
internal sealed record KerasLayerConfig(string Name, string ClassName, JsonElement Config, string? Problem);

/// <summary>
/// The layer list of a Keras model config (Keras 2 <c>model_config</c> attribute, Keras 3 <c>config.json</c>):
/// Sequential, or a Functional model whose layers form one chain.
/// </summary>
internal static class KerasModelConfig
{
    public static List<KerasLayerConfig> Layers(JsonElement root, string format)
    {
        string className = JsonInput.Text(root, "class_name", format + " model config");
        JsonElement config = JsonInput.Property(root, "config", format + " model config");
        // Keras 2.0/2.1 Sequential configs are the layer list itself; later ones are {"name", "layers"}.
        JsonElement list = config.ValueKind == JsonValueKind.Array ? config : JsonInput.Property(config, "layers", format + " model config");
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new ModelImportException($"{format}: the model config's 'layers' is {list.ValueKind}, not a list.");
        }

        bool functional = className is "Functional" or "Model";
        if (!functional && className != "Sequential")
        {
            throw new ModelImportException($"{format}: the model is a {className}; only Sequential and linear Functional models are supported.");
        }

        var layers = new List<KerasLayerConfig>();
        string? previous = null;
        foreach (JsonElement layer in list.EnumerateArray())
        {
            string type = JsonInput.Text(layer, "class_name", format + " layer");
            JsonElement layerConfig = JsonInput.Property(layer, "config", format + " layer " + type);
            string name = JsonInput.Optional(layerConfig, "name") is { ValueKind: JsonValueKind.String } n ? n.GetString()! : JsonInput.Text(layer, "name", format + " layer " + type);
            string? problem = null;
            if (functional && layers.Count > 0)
            {
                List<string> inbound = Inbound(layer);
                if (inbound.Count != 1 || inbound[0] != previous)
                {
                    problem = $"layer '{name}' ({type}) takes [{string.Join(", ", inbound)}] rather than only the layer before it; only models whose layers form one chain are supported";
                }
            }

            layers.Add(new KerasLayerConfig(name, type, layerConfig, problem));
            previous = name;
        }

        return layers;
    }

    // Keras 2: inbound_nodes [[["dense", 0, 0, {}]]]; Keras 3: [{"args": [{"config": {"keras_history": ["dense", 0, 0]}}]}].
    private static List<string> Inbound(JsonElement layer)
    {
        var names = new List<string>();
        if (JsonInput.Optional(layer, "inbound_nodes") is { } nodes)
        {
            Collect(nodes, names, 0);
        }

        return names;
    }

    private static void Collect(JsonElement element, List<string> names, int depth)
    {
        if (depth > 16)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            if (JsonInput.Optional(element, "keras_history") is { ValueKind: JsonValueKind.Array } history && history.GetArrayLength() > 0 && history[0].ValueKind == JsonValueKind.String)
            {
                names.Add(history[0].GetString()!);
                return;
            }

            foreach (JsonProperty property in element.EnumerateObject())
            {
                Collect(property.Value, names, depth + 1);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            if (element.GetArrayLength() >= 3 && element[0].ValueKind == JsonValueKind.String && element[1].ValueKind == JsonValueKind.Number)
            {
                names.Add(element[0].GetString()!);
                return;
            }

            foreach (JsonElement item in element.EnumerateArray())
            {
                Collect(item, names, depth + 1);
            }
        }
    }
}
