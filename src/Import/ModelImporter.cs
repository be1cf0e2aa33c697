using System;
using System.IO;
using System.Text.Json;

namespace RnnGen.Import;

/// <summary>Picks the importer for a model file by its extension (and, for JSON, by its top-level keys).</summary>
public static class ModelImporter
{
    /// <summary>The formats and the extensions they are recognised by, for help texts.</summary>
    public const string Formats = "Keras 2 .h5, Keras 3 .keras, ONNX .onnx, PyTorch state_dict .safetensors or .json, RTNeural .json, GuitarML .json, NeuralAmpModeler .nam";

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="ModelImportException">The file is missing, unreadable, malformed or of an unknown kind.</exception>
    public static ImportedModel ReadFile(string path, ImportOptions? options = null)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or OutOfMemoryException)
        {
            throw new ModelImportException($"cannot read '{path}': {e.Message}");
        }

        return Read(bytes, Path.GetFileName(path), options);
    }

    /// <summary>Reads a model from its bytes; <paramref name="fileName"/> selects the format by extension.</summary>
    public static ImportedModel Read(byte[] bytes, string fileName, ImportOptions? options = null)
    {
        options ??= ImportOptions.None;
        string extension = Path.GetExtension(fileName).ToLowerInvariant();
        ImportedModel model = extension switch
        {
            ".h5" or ".hdf5" => Keras2H5Importer.Read(bytes),
            ".keras" => Keras3Importer.Read(bytes),
            ".onnx" => OnnxImporter.Read(bytes),
            ".safetensors" => PyTorchSafetensorsImporter.Read(bytes, options),
            ".json" or ".nam" => ReadJson(bytes, extension, options),
            _ => throw new ModelImportException($"'{fileName}': unknown model type '{extension}'; rnngen reads {Formats}."),
        };
        if (options.ModuleOrder is not null && !model.Format.StartsWith("PyTorch", StringComparison.Ordinal))
        {
            throw new ModelImportException($"--order sets the module order of a PyTorch state_dict; a {model.Format} file records its own order.");
        }

        return model;
    }

    private static ImportedModel ReadJson(byte[] bytes, string extension, ImportOptions options)
    {
        using JsonDocument document = JsonInput.Parse(bytes, extension == ".nam" ? "NAM model" : "JSON model");
        JsonElement root = document.RootElement;
        if (NamImporter.Recognises(root))
        {
            return NamImporter.Read(root);
        }

        if (extension == ".nam")
        {
            throw new ModelImportException("NAM model: the file lacks 'architecture', 'config' or 'weights'.");
        }

        if (GuitarMlImporter.Recognises(root))
        {
            return GuitarMlImporter.Read(root);
        }

        if (RtNeuralImporter.Recognises(root))
        {
            return RtNeuralImporter.Read(root);
        }

        if (TorchStateDictJsonImporter.Recognises(root))
        {
            return TorchStateDictJsonImporter.Read(root, options);
        }

        throw new ModelImportException("JSON model: neither GuitarML ('model_data' and 'state_dict'), RTNeural ('in_shape' and 'layers'), NAM ('architecture', 'config', 'weights') nor a PyTorch state_dict (an object of tensors as nested lists).");
    }
}
