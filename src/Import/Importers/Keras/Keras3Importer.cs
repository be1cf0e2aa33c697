using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using PureHDF;

namespace RnnGen.Import;

/// <summary>
/// A Keras 3 <c>.keras</c> archive: a zip with <c>config.json</c> and <c>model.weights.h5</c>, whose variables sit at
/// <c>layers/&lt;layer&gt;/cell/vars/0..</c> (recurrent), <c>layers/&lt;layer&gt;/vars/0..</c> (Dense),
/// <c>layers/&lt;bidirectional&gt;/forward_layer/cell/vars/…</c> / <c>backward_layer</c>, and
/// <c>layers/&lt;time_distributed&gt;/layer/vars/…</c> (a wrapper keeps its inner layer in the attribute <c>layer</c>).
/// </summary>
public static class Keras3Importer
{
    private const string Format = "Keras 3 .keras";

    // Entries above this are refused before inflating (a zip can claim any size; weights of a runnable model are far smaller).
    private const long MaxEntryBytes = 1L << 30;

    /// <summary>Reads the archive.</summary>
    public static ImportedModel Read(byte[] file)
    {
        byte[] config, weights;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            config = Entry(zip, "config.json");
            weights = Entry(zip, "model.weights.h5");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            throw new ModelImportException($"{Format}: the zip archive is corrupt", e);
        }

        using JsonDocument document = JsonInput.Parse(config, Format + " config.json");
        List<KerasLayerConfig> layers = KerasModelConfig.Layers(document.RootElement, Format);
        using Hdf5Input h5 = Hdf5Input.Open(weights, Format + " model.weights.h5");
        IH5Group root = h5.Exists(h5.Root, "layers") ? h5.Group(h5.Root, "layers") : throw new ModelImportException($"{Format}: model.weights.h5 has no 'layers' group.");
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        return KerasModelBuilder.Build(Format, layers, layer => Weights(h5, root, layer, used), keras3: true);
    }

    private static byte[] Entry(ZipArchive zip, string name)
    {
        ZipArchiveEntry entry = zip.GetEntry(name) ?? throw new ModelImportException($"{Format}: the archive has no '{name}'.");
        if (entry.Length > MaxEntryBytes)
        {
            throw new ModelImportException($"{Format}: '{name}' claims {entry.Length} bytes, more than the {MaxEntryBytes} accepted.");
        }

        using Stream stream = entry.Open();
        var buffer = new MemoryStream((int)entry.Length);
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            // The declared length may lie; never inflate past it.
            if (buffer.Length + read > entry.Length)
            {
                throw new ModelImportException($"{Format}: '{name}' inflates to more than the {entry.Length} bytes it declares.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The layer's variables. Keras 3 saves a model's layers under their class in snake case, numbered per class in
    /// layer order (<c>lstm</c>, <c>lstm_1</c>; <c>saving_lib</c>'s container naming), whatever the layers are called: the
    /// layer named <c>dense_1</c> may well be stored as <c>dense</c>. A group named after the layer is only the fallback,
    /// for files that lack the class-numbered one.
    /// </summary>
    private static List<RawTensor> Weights(Hdf5Input h5, IH5Group root, KerasLayerConfig layer, Dictionary<string, int> used)
    {
        string snake = Snake(layer.ClassName);
        int count = used.TryGetValue(snake, out int seen) ? seen + 1 : 0;
        used[snake] = count;
        string byClass = count == 0 ? snake : snake + "_" + count;
        string? group = Array.Find(new[] { byClass, layer.Name }, g => g.Length > 0 && !g.Contains('/', StringComparison.Ordinal) && h5.Exists(root, g));
        var tensors = new List<RawTensor>();
        if (group is null)
        {
            return tensors;
        }

        foreach (string part in layer.ClassName == "Bidirectional" ? new[] { group + "/forward_layer", group + "/backward_layer" } : new[] { group })
        {
            string vars = Array.Find(new[] { part + "/cell/vars", part + "/layer/vars" }, path => h5.Exists(root, path)) ?? part + "/vars";
            for (int i = 0; i < 16 && h5.Exists(root, vars + "/" + i); i++)
            {
                tensors.Add(h5.Dataset(root, vars + "/" + i, "layers/" + vars + "/" + i));
            }
        }

        return tensors;
    }

    // keras.src.utils.naming.to_snake_case: SimpleRNN → simple_rnn, Conv1D → conv1d.
    private static string Snake(string name)
    {
        string text = Regex.Replace(name, "(.)([A-Z][a-z]+)", "$1_$2");
        return Regex.Replace(text, "([a-z])([A-Z])", "$1_$2").ToLowerInvariant();
    }
}
