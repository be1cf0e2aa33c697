using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace RnnGen.Weights;

/// <summary>
/// Reads a model's tensors from a safetensors file by the framework's own names (<see cref="TensorMatching"/>, shared
/// with the generator's build-time baking) and returns them as the flat span <see cref="ParameterImport.Pack"/> takes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SafetensorsImport
{
    /// <summary>The model's weights from <paramref name="file"/> in <paramref name="layout"/>'s flat order.</summary>
    /// <exception cref="FormatException">The file is not a well-formed safetensors file.</exception>
    /// <exception cref="ArgumentException">A tensor is missing, left over, or has the wrong shape; the message names it.</exception>
    public static float[] Parameters(ReadOnlySpan<byte> file, WeightLayout layout, string? prefix, ReadOnlySpan<LayerShape> layers, string model)
    {
        string where = $"{model}.FromSafetensors";
        if (layout == WeightLayout.Onnx)
        {
            throw new ArgumentException($"{where}: ONNX initializers have no standard names to find layers by; load ONNX weights with FromParameters in the Onnx layout (W, R, B per node).", nameof(layout));
        }

        if (layout is not (WeightLayout.Keras or WeightLayout.PyTorch))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, $"{where}: not a WeightLayout.");
        }

        int length = ParameterImport.Length(layers, layout, model);
        char separator = TensorMatching.Separator(layout);
        string start = string.IsNullOrEmpty(prefix) ? string.Empty : prefix!.TrimEnd(separator) + separator;
        var tensors = new Dictionary<string, SafetensorsTensor>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (SafetensorsTensor tensor in SafetensorsFile.ReadDirectory(file))
        {
            if (tensor.Name.StartsWith(start, StringComparison.Ordinal))
            {
                string name = tensor.Name.Substring(start.Length);
                tensors.Add(name, tensor);
                shapes.Add(name, tensor.Shape);
            }
        }

        var parameters = new float[length];
        int written = 0;
        foreach (string name in TensorMatching.FlatOrder(shapes, layout, layers.ToArray(), where, start))
        {
            SafetensorsTensor tensor = tensors[name];
            tensor.CopyTo(file, parameters.AsSpan(written, (int)tensor.Length));
            written += (int)tensor.Length;
        }

        return parameters;
    }
}
