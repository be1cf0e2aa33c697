using System;
using System.Collections.Generic;
using System.Text.Json;
using PureHDF;

namespace RnnGen.Import;

/// <summary>
/// A Keras 2.x <c>model.save("model.h5")</c> file: the root attribute <c>model_config</c> (JSON) and, per layer,
/// <c>model_weights/&lt;layer&gt;</c> whose <c>weight_names</c> attribute lists its datasets in <c>get_weights()</c>
/// order (<c>lstm/kernel:0</c>, …; Bidirectional <c>bidirectional/forward_lstm/kernel:0</c>, …).
/// </summary>
public static class Keras2H5Importer
{
    /// <summary>Reads the file.</summary>
    public static ImportedModel Read(byte[] file)
    {
        const string format = "Keras .h5";
        using Hdf5Input h5 = Hdf5Input.Open(file, format);
        string config = h5.Text(h5.Root, "model_config") ?? throw new ModelImportException($"{format}: the file has no 'model_config' attribute; it holds weights only (save_weights). Save the whole model with model.save(\"model.h5\").");
        string version = h5.Text(h5.Root, "keras_version") ?? string.Empty;
        IH5Group weights = h5.Exists(h5.Root, "model_weights") ? h5.Group(h5.Root, "model_weights") : h5.Root;
        using JsonDocument document = JsonInput.Parse(System.Text.Encoding.UTF8.GetBytes(config), format + " model_config");
        List<KerasLayerConfig> layers = KerasModelConfig.Layers(document.RootElement, format);
        return KerasModelBuilder.Build($"{format} (Keras {(version.Length > 0 ? version : "2")})", layers, layer => Weights(h5, weights, layer.Name), version.StartsWith("3", StringComparison.Ordinal));
    }

    private static List<RawTensor> Weights(Hdf5Input h5, IH5Group weights, string layer)
    {
        var tensors = new List<RawTensor>();
        if (layer.Length == 0 || layer.Contains('/', StringComparison.Ordinal) || !h5.Exists(weights, layer))
        {
            return tensors;
        }

        IH5Group group = h5.Group(weights, layer);
        foreach (string name in h5.Texts(group, "weight_names"))
        {
            if (name.Length == 0 || name.StartsWith('/') || name.Contains("..", StringComparison.Ordinal) || !h5.Exists(group, name))
            {
                throw new ModelImportException($"{Where(layer)}: weight '{name}' listed in weight_names is not in the file.");
            }

            tensors.Add(h5.Dataset(group, name, name));
        }

        return tensors;
    }

    private static string Where(string layer) => $"Keras .h5 layer '{layer}'";
}
