using Xunit;

namespace RnnGen.Import.Tests;

/// <summary>What the importers cannot run is reported naming the layer or node, never imported wrongly.</summary>
public sealed class UnsupportedTests
{
    [Theory]
    [InlineData("onnx_lstm_peephole.onnx", "node 'LSTM' (LSTM): input P (peepholes) 'P' is non-zero, which is not supported")]
    [InlineData("onnx_lstm_clip.onnx", "node 'LSTM' (LSTM): clip is not supported")]
    [InlineData("onnx_rnn_mul.onnx", "node '/scale/Mul' (Mul) is not supported yet")]
    [InlineData("onnx_gru_gather_hidden.onnx", "node '/Gather' (Gather) is only supported taking the last step ([-1]) along the time axis of a recurrent layer's output")]
    public void Onnx_features_without_an_RnnGen_equivalent_are_named(string file, string message)
    {
        ImportedModel model = ModelImporter.Read(TestFiles.Read(file), file);

        Assert.Contains(message, model.Unsupported);
        var error = Assert.Throws<ModelImportException>(model.ThrowIfUnsupported);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_functional_keras_model_that_branches_names_the_layer()
    {
        ImportedModel model = ModelImporter.Read(TestFiles.Read("keras2_functional_branch.h5"), "keras2_functional_branch.h5");

        Assert.Equal(new[] { "layer 'gru' (GRU) takes [input_1] rather than only the layer before it; only models whose layers form one chain are supported" }, model.Unsupported);
    }

    [Fact]
    public void Rtneural_layers_without_an_equivalent_are_named()
    {
        byte[] json = """{"in_shape": [null, null, 1], "layers": [{"type": "conv1d", "activation": "", "shape": [null, null, 4], "weights": []}]}"""u8.ToArray();

        ImportedModel model = ModelImporter.Read(json, "model.json");

        Assert.Equal(new[] { "layers[0] 'conv1d_0' (conv1d) is not supported yet" }, model.Unsupported);
    }

    [Fact]
    public void An_rtneural_layer_after_an_unsupported_one_says_why_its_size_is_unknown()
    {
        byte[] json = """
            {"in_shape": [null, null, 2], "layers": [
              {"type": "dense", "activation": "", "shape": [null, null, 3], "weights": [[[1, 2, 3], [4, 5, 6]], [0, 0, 0]]},
              {"type": "prelu", "shape": [null, null, 3], "weights": [[[0.1, 0.2, 0.3]]]},
              {"type": "dense", "activation": "", "shape": [null, null, 1], "weights": [[[1], [1], [1]], [0]]}]}
            """u8.ToArray();

        ImportedModel model = ModelImporter.Read(json, "model.json");

        Assert.Equal(new[] { "layers[1] 'prelu_1' (prelu) is not supported yet", "layers[2] 'dense_2' (dense) follows a layer RnnGen cannot run, so its input size is unknown" }, model.Unsupported);
    }

    [Fact]
    public void An_rtneural_shape_that_disagrees_with_the_weights_is_refused()
    {
        byte[] json = """{"in_shape": [null, null, 2], "layers": [{"type": "dense", "activation": "", "shape": [null, null, 4], "weights": [[[1, 2, 3], [4, 5, 6]], [0, 0, 0]]}]}"""u8.ToArray();

        var error = Assert.Throws<ModelImportException>(() => ModelImporter.Read(json, "model.json"));

        Assert.Equal("RTNeural JSON layers[0] 'dense_0' (dense): its shape ends in 4, but its weights (or, for an activation, its input) make it output 3.", error.Message);
    }

    [Fact]
    public void An_rtneural_kernel_that_does_not_take_in_shape_is_refused_naming_both_sizes()
    {
        byte[] json = """{"in_shape": [null, null, 1], "layers": [{"type": "dense", "activation": "", "shape": [null, null, 3], "weights": [[[1, 2, 3], [4, 5, 6]], [0, 0, 0]]}]}"""u8.ToArray();

        var error = Assert.Throws<ModelImportException>(() => ModelImporter.Read(json, "model.json"));

        Assert.Contains("its kernel 'layers[0].weights[0]' has shape [2, 3], so it takes 2 inputs, but 1 arrive", error.Message);
    }

    [Fact]
    public void A_keras_stateful_layer_is_named()
    {
        // A Keras 3 archive whose only LSTM is stateful: built in memory from the test archive's config.
        byte[] archive = TestFiles.Read("keras3_rnn_gru_dense.keras");
        byte[] changed = RewriteConfig(archive, config => config.Replace("\"go_backwards\": false, \"stateful\": false, \"reset_after\"", "\"go_backwards\": false, \"stateful\": true, \"reset_after\"", StringComparison.Ordinal));

        ImportedModel model = ModelImporter.Read(changed, "model.keras");

        Assert.Equal(new[] { "layer 'gru' (GRU) is stateful; RnnGen keeps state in a State value you pass to Step/Run, so declare it stateless" }, model.Unsupported);
    }

    private static byte[] RewriteConfig(byte[] archive, Func<string, string> change)
    {
        using var input = new System.IO.Compression.ZipArchive(new MemoryStream(archive));
        var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var read = new StreamReader(entry.Open());
                string text = entry.Name == "config.json" ? change(read.ReadToEnd()) : string.Empty;
                using Stream write = zip.CreateEntry(entry.FullName).Open();
                if (entry.Name == "config.json")
                {
                    write.Write(System.Text.Encoding.UTF8.GetBytes(text));
                }
                else
                {
                    read.BaseStream.CopyTo(write);
                }
            }
        }

        return output.ToArray();
    }
}
