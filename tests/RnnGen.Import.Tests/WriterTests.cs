using System.Buffers.Binary;
using RnnGen.Weights;
using Xunit;

namespace RnnGen.Import.Tests;

/// <summary>The safetensors writer and the tensor names it is given.</summary>
public sealed class WriterTests
{
    [Fact]
    public void The_header_is_padded_with_spaces_to_8_bytes_and_the_runtime_reads_it_back()
    {
        var tensors = new List<NamedTensor> { new("a/kernel", new[] { 2, 3 }, new float[] { 1, 2, 3, 4, 5, 6 }), new("a/bias", new[] { 3 }, new float[] { -1, 0.5f, 7 }) };

        byte[] file = SafetensorsWriter.Write(tensors);

        long headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(file);
        Assert.Equal(0, headerLength % 8);
        Assert.Equal(8 + headerLength + (9 * 4), file.Length);
        Assert.EndsWith("}", SafetensorsWriter.HeaderText(file).TrimEnd(' '));
        List<SafetensorsTensor> read = SafetensorsFile.ReadDirectory(file);
        Assert.Equal(new[] { "a/kernel", "a/bias" }, read.Select(t => t.Name));
        var values = new float[3];
        read[1].CopyTo(file, values);
        Assert.Equal(new float[] { -1, 0.5f, 7 }, values);
    }

    [Fact]
    public void Layers_of_identical_shape_whose_names_sort_out_of_layer_order_are_numbered()
    {
        var model = new ImportedModel("test", WeightLayout.Keras) { InputSize = 2 };
        foreach (string name in new[] { "second", "first" })
        {
            var layer = new ImportedLayer(name, LayerKind.Dense, 2, 2) { Module = name };
            layer.Weights.Add(new LayerWeights(new float[4], null, new float[2], null));
            model.Layers.Add(layer);
        }

        Assert.Equal(new[] { "l0_second/kernel", "l0_second/bias", "l1_first/kernel", "l1_first/bias" }, TensorRenderer.Render(model, WeightLayout.Keras).Select(t => t.Name));
        model.Layers.Reverse();
        Assert.Equal(new[] { "first/kernel", "first/bias", "second/kernel", "second/bias" }, TensorRenderer.Render(model, WeightLayout.Keras).Select(t => t.Name));
    }
}
