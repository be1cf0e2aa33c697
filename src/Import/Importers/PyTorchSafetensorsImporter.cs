using System;
using System.Collections.Generic;
using RnnGen.Weights;

namespace RnnGen.Import;

/// <summary>A PyTorch <c>state_dict</c> saved with <c>safetensors.torch.save_file</c>: layers inferred from tensor names and shapes.</summary>
public static class PyTorchSafetensorsImporter
{
    /// <summary>Reads the file's tensors and infers the layers (in the order <paramref name="options"/> gives, if it gives one).</summary>
    public static ImportedModel Read(byte[] file, ImportOptions options)
    {
        const string format = "PyTorch safetensors";
        var model = new ImportedModel(format, WeightLayout.PyTorch);
        List<SafetensorsTensor> directory;
        try
        {
            directory = SafetensorsFile.ReadDirectory(file);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw new ModelImportException($"{format}: the header is corrupt: {e.Message}");
        }

        var tensors = new List<RawTensor>();
        foreach (SafetensorsTensor tensor in directory)
        {
            var values = new float[tensor.Length];
            tensor.CopyTo(file, values);
            tensors.Add(new RawTensor(tensor.Name, Array.ConvertAll(tensor.Shape, d => (long)d), values));
        }

        StateDictLayers.Read(model, tensors, format, registrationOrder: false, options.ModuleOrder);
        return model;
    }
}
