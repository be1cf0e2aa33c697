using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;

namespace RnnGen.Weights;

/// <summary>
/// Turns a framework's flat weights (Keras, PyTorch or ONNX order, shapes and gate order) into RnnGen's
/// <see cref="CanonicalLayout"/>. The tensor lists come from <see cref="FrameworkTensors"/>, shared with the generator.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterImport
{
    /// <summary>Number of floats <paramref name="layout"/> stores for the whole model.</summary>
    /// <exception cref="ArgumentException">The layout cannot describe one of the layers.</exception>
    public static int Length(ReadOnlySpan<LayerShape> layers, WeightLayout layout, string model)
    {
        CheckLayout(layers, layout, model);
        return Count(layers, layout);
    }

    /// <summary>
    /// Checks <paramref name="source"/> against the layers and returns the packed weights.
    /// Throws <see cref="ArgumentException"/> naming the layer and the expected count on any mismatch.
    /// </summary>
    public static float[] Pack(ReadOnlySpan<float> source, WeightLayout layout, ReadOnlySpan<LayerShape> layers, string model)
    {
        CheckLayout(layers, layout, model);
        int expected = Count(layers, layout);
        if (source.Length != expected)
        {
            throw new ArgumentException($"{model}.FromParameters: expected {expected} floats in {layout} layout ({Breakdown(layers, layout)}), got {source.Length}.", "parameters");
        }

        return CanonicalWeights.FromFramework(source, layout, layers);
    }

    private static void CheckLayout(ReadOnlySpan<LayerShape> layers, WeightLayout layout, string model)
    {
        if (layout is not (WeightLayout.Keras or WeightLayout.PyTorch or WeightLayout.Onnx))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, $"{model}: {layout} is not a WeightLayout; use Keras, PyTorch or Onnx.");
        }

        for (int i = 0; i < layers.Length; i++)
        {
            string? unsupported = FrameworkTensors.Unsupported(layers[i], layout);
            if (unsupported is not null)
            {
                throw new ArgumentException($"{model}: layer {i} {layers[i].Describe()} cannot be read from {layout} weights: {unsupported}.", nameof(layout));
            }
        }
    }

    private static int Count(ReadOnlySpan<LayerShape> layers, WeightLayout layout)
    {
        long total = 0;
        foreach (LayerShape layer in layers)
        {
            total += FrameworkTensors.Count(layer, layout);
        }

        return checked((int)total);
    }

    private static string Breakdown(ReadOnlySpan<LayerShape> layers, WeightLayout layout)
    {
        var text = new StringBuilder();
        var tensors = new List<string>();
        for (int i = 0; i < layers.Length; i++)
        {
            tensors.Clear();
            foreach (TensorSpec tensor in FrameworkTensors.For(layers[i], layout, 0))
            {
                tensors.Add(tensor.Name + tensor.ShapeText);
            }

            text.Append(i == 0 ? string.Empty : "; ")
                .Append("layer ").Append(i).Append(' ').Append(layers[i].Describe()).Append(": ")
                .Append(FrameworkTensors.Count(layers[i], layout)).Append(" = ").Append(string.Join(" + ", tensors));
        }

        return text.ToString();
    }
}
