using System;
using System.IO;
using System.Text.Json;

namespace RnnGen.Import;

/// <summary>Picks the importer for a model file by its extension (and, for JSON, by its top-level keys).</summary>
public static class ModelImporter
{
    /// <summary>The formats and the extensions they are recognised by, for help texts.</summary>
    public const string Formats = "Keras 2 .h5, Keras 3 .keras, ONNX .onnx, PyTorch state_dict .safetensors, RTNeural .json, GuitarML .json";

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="ModelImportException">The file is missing, unreadable, malformed or of an unknown kind.</exception>
    public static ImportedModel ReadFile(string path)
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

        return Read(bytes, Path.GetFileName(path));
    }

    /// <summary>Reads a model from its bytes; <paramref name="fileName"/> selects the format by extension.</summary>
    public static ImportedModel Read(byte[] bytes, string fileName)
    {
        string extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".h5" or ".hdf5" => Keras2H5Importer.Read(bytes),
            ".keras" => Keras3Importer.Read(bytes),
            ".onnx" => OnnxImporter.Read(bytes),
            ".safetensors" => PyTorchSafetensorsImporter.Read(bytes),
            ".json" => ReadJson(bytes),
            _ => throw new ModelImportException($"'{fileName}': unknown model type '{extension}'; rnngen reads {Formats}."),
        };
    }

    private static ImportedModel ReadJson(byte[] bytes)
    {
        using JsonDocument document = JsonInput.Parse(bytes, "JSON model");
        JsonElement root = document.RootElement;
        if (GuitarMlImporter.Recognises(root))
        {
            return GuitarMlImporter.Read(root);
        }

        if (RtNeuralImporter.Recognises(root))
        {
            return RtNeuralImporter.Read(root);
        }

        throw new ModelImportException("JSON model: neither GuitarML ('model_data' and 'state_dict') nor RTNeural ('in_shape' and 'layers').");
    }
}
