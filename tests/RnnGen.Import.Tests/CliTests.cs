using RnnGen.Cli;
using Xunit;

namespace RnnGen.Import.Tests;

/// <summary>rnngen end to end, in-process through the same entry the executable uses.</summary>
public sealed class CliTests
{
    [Fact]
    public void Import_writes_weights_that_load_and_prints_the_declaration()
    {
        string output = Path.Combine(Path.GetTempPath(), $"rnngen-{Guid.NewGuid():N}.safetensors");
        try
        {
            (int code, string stdout, string stderr) = Run("import", TestFiles.Data("guitarml_gru.json"), "-o", output, "--name", "Amp");

            Assert.Equal(0, code);
            Assert.Equal(string.Empty, stderr);
            Assert.Contains(
                $"[RnnModel(inputSize: 2, Weights = \"{Path.GetFileName(output)}\", Layout = WeightLayout.PyTorch, Skip = 1)]\n[Gru(6, ReturnSequences = true)]\n[Dense(1)]\npublic partial class Amp;",
                stdout.ReplaceLineEndings("\n"));
            _ = GuitarMlGru.FromSafetensors(File.ReadAllBytes(output), WeightLayout.PyTorch);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Import_in_the_Keras_layout_writes_Keras_weight_paths()
    {
        string output = Path.Combine(Path.GetTempPath(), $"rnngen-{Guid.NewGuid():N}.safetensors");
        try
        {
            (int code, string stdout, _) = Run("import", TestFiles.Data("onnx_bilstm.onnx"), "-o", output, "--layout", "keras");

            Assert.Equal(0, code);
            Assert.Contains("Layout = WeightLayout.Keras", stdout);
            string header = SafetensorsWriter.HeaderText(File.ReadAllBytes(output));
            Assert.Contains("\"l0_lstm/forward_lstm/kernel\"", header);
            Assert.Contains("\"l0_lstm/backward_lstm/recurrent_kernel\"", header);
            _ = OnnxBiLstm.FromSafetensors(File.ReadAllBytes(output), WeightLayout.Keras);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Inspect_lists_layers_shapes_and_parameter_counts()
    {
        (int code, string stdout, _) = Run("inspect", TestFiles.Data("keras2_lstm_gru_dense.h5"));

        Assert.Equal(0, code);
        Assert.Contains("lstm (LSTM): 416 parameters — lstm/kernel:0 [4, 32], lstm/recurrent_kernel:0 [8, 32], lstm/bias:0 [32]", stdout);
        Assert.Contains("gru (GRU): 225 parameters", stdout);
        Assert.Contains("layer 'dropout' (Dropout) does nothing at inference", stdout);
        Assert.Contains("[Dense(3, Activation = Activation.Softmax)]", stdout);
    }

    [RealModelFact("guitarlstm_ts9_model.h5")]
    public void The_real_GuitarLSTM_h5_lists_four_layers_and_names_both_Conv1D_layers_as_unsupported()
    {
        string model = TestFiles.RealModel("guitarlstm_ts9_model.h5");

        (int code, string stdout, _) = Run("inspect", model);

        Assert.Equal(0, code);
        Assert.Contains("conv1d (Conv1D): 208 parameters — conv1d/kernel:0 [12, 1, 16], conv1d/bias:0 [16]", stdout);
        Assert.Contains("conv1d_1 (Conv1D): 3088 parameters — conv1d_1/kernel:0 [12, 16, 16], conv1d_1/bias:0 [16]", stdout);
        Assert.Contains("lstm (LSTM): 7632 parameters — lstm/kernel:0 [16, 144], lstm/recurrent_kernel:0 [36, 144], lstm/bias:0 [144]", stdout);
        Assert.Contains("dense (Dense): 37 parameters — dense/kernel:0 [36, 1], dense/bias:0 [1]", stdout);
        Assert.Contains("unsupported (2):\n  layer 'conv1d' (Conv1D) is not supported yet\n  layer 'conv1d_1' (Conv1D) is not supported yet\n", stdout.ReplaceLineEndings("\n"));

        string output = Path.Combine(Path.GetTempPath(), $"rnngen-{Guid.NewGuid():N}.safetensors");
        (int importCode, string importOut, string importErr) = Run("import", model, "-o", output);

        Assert.Equal(1, importCode);
        Assert.Equal(string.Empty, importOut);
        Assert.Equal($"rnngen: {model}: layer 'conv1d' (Conv1D) is not supported yet; layer 'conv1d_1' (Conv1D) is not supported yet\n", importErr.ReplaceLineEndings("\n"));
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("missing.h5", "cannot read")]
    [InlineData("model.txt", "unknown model type '.txt'")]
    public void Bad_input_is_one_line_and_exit_code_1(string file, string message)
    {
        string path = Path.Combine(Path.GetTempPath(), $"rnngen-{Guid.NewGuid():N}-{file}");
        if (file.EndsWith(".txt", StringComparison.Ordinal))
        {
            File.WriteAllText(path, "hello");
        }

        try
        {
            (int code, string stdout, string stderr) = Run("inspect", path);

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains(message, stderr);
            Assert.DoesNotContain("   at ", stderr);
            Assert.Single(stderr.Trim().Split('\n'));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_corrupt_file_is_one_line_naming_the_part_and_exit_code_1()
    {
        byte[] file = TestFiles.Read("keras2_bidirectional.h5");
        string path = Path.Combine(Path.GetTempPath(), $"rnngen-{Guid.NewGuid():N}.h5");
        File.WriteAllBytes(path, file.AsSpan(0, file.Length / 2).ToArray());
        try
        {
            (int code, _, string stderr) = Run("inspect", path);

            Assert.Equal(1, code);
            Assert.StartsWith($"rnngen: {path}: Keras .h5", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(new string[] { "convert", "x.h5" }, "unknown command 'convert'")]
    [InlineData(new string[] { "import", "x.h5" }, "import needs -o FILE.safetensors")]
    [InlineData(new string[] { "import", "x.h5", "-o", "y", "--layout", "onnx" }, "--layout must be keras or pytorch, not 'onnx'")]
    [InlineData(new string[] { "inspect" }, "inspect needs a model file")]
    [InlineData(new string[] { "inspect", "x.h5", "--verbose" }, "unknown option '--verbose'")]
    public void Bad_usage_prints_the_problem_and_usage_with_exit_code_2(string[] args, string message)
    {
        (int code, _, string stderr) = Run(args);

        Assert.Equal(2, code);
        Assert.StartsWith($"rnngen: {message}", stderr);
        Assert.Contains("usage:", stderr);
    }

    internal static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
