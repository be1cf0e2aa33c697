using System.Text.Json;
using Xunit;

namespace RnnGen.Import.Tests;

/// <summary>
/// What the files real exporters write need beyond the round trip (RoundTripTests runs every one of them against its
/// framework): the state_dict module order and --order, NAM's learned initial state and its refusals, and what
/// inspect says about them.
/// </summary>
public sealed class ExporterFileTests
{
    [Fact]
    public void A_json_state_dict_whose_sizes_chain_two_ways_takes_the_files_order_and_says_so()
    {
        ImportedModel model = ModelImporter.Read(TestFiles.Read("torch_json_order.json"), "torch_json_order.json");

        Assert.Equal(new[] { "rnn", "z_first", "a_second", "head" }, model.Layers.Select(l => l.Module));
        Assert.Contains(model.Notes, n => n.Contains("several module orders chain by size (e.g. rnn,z_first,a_second,head and rnn,a_second,z_first,head)", StringComparison.Ordinal) && n.Contains("--order", StringComparison.Ordinal));
    }

    [Fact]
    public void Order_sets_the_module_order_and_the_model_follows_it()
    {
        Expected expected = Expected.Load("torch_json_order");
        string[] given = ExpectedOrder("torch_json_order");
        float[] right = RunImported("torch_json_order.json", new ImportOptions(given), expected);
        float[] swapped = RunImported("torch_json_order.json", new ImportOptions(new[] { "rnn", "a_second", "z_first", "head" }), expected);

        Assert.True(MaxError(expected.Output, right) <= 1e-5, $"max error {MaxError(expected.Output, right):E2} in the order the model was trained in");
        Assert.True(MaxError(expected.Output, swapped) > 1e-2, "swapping the two 8 → 8 layers must change the outputs, or this test proves nothing");
    }

    [Theory]
    [InlineData("rnn,z_first,head", "--order must name every module of the file exactly once (its modules: a_second, head, rnn, z_first)")]
    [InlineData("rnn,z_first,a_second,head,fc", "--order names module 'fc', which the file does not have (its modules: a_second, head, rnn, z_first)")]
    [InlineData("z_first,rnn,a_second,head", "in the --order given, module 'rnn' takes 4 inputs but 'z_first' before it outputs 8")]
    public void A_wrong_order_is_refused_naming_the_module(string order, string message)
    {
        var error = Assert.Throws<ModelImportException>(() => ModelImporter.Read(TestFiles.Read("torch_json_order.json"), "torch_json_order.json", new ImportOptions(order.Split(','))));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Order_on_a_file_that_records_its_own_order_is_refused()
    {
        var error = Assert.Throws<ModelImportException>(() => ModelImporter.Read(TestFiles.Read("keras2_activations.h5"), "keras2_activations.h5", new ImportOptions(new[] { "a" })));

        Assert.Contains("--order sets the module order of a PyTorch state_dict", error.Message);
    }

    [Fact]
    public void State_dict_modules_whose_sizes_do_not_chain_are_named_with_their_sizes()
    {
        byte[] json = """{"rnn.weight_ih_l0": [[1, 2]], "rnn.weight_hh_l0": [[1]], "fc.weight": [[1, 2, 3]]}"""u8.ToArray();

        ImportedModel model = ModelImporter.Read(json, "m.json");

        Assert.Equal(new[] { "PyTorch state_dict JSON: the modules' sizes do not chain into one sequence of layers ('rnn' 2→1, 'fc' 3→1); RnnGen runs one chain, each layer fed by the one before" }, model.Unsupported);
    }

    [Fact]
    public void A_NAM_LSTM_starts_new_streams_from_the_state_in_the_file()
    {
        ImportedModel model = ModelImporter.Read(TestFiles.Read("nam_lstm.nam"), "nam_lstm.nam");
        var loaded = NamLstm.FromSafetensors(SafetensorsWriter.Write(TensorRenderer.Render(model, WeightLayout.PyTorch)), WeightLayout.PyTorch);
        float[] weights = NamWeights("nam_lstm.nam");

        // NAM's flat layout: [4H, in + H] gate matrix (H = 3, in = 1), 4H bias, then h0 and c0.
        NamLstm.State state = loaded.NewState();
        Assert.Equal(weights.AsSpan(48 + 12, 3).ToArray(), state.Hidden(0).ToArray());
        Assert.Equal(weights.AsSpan(48 + 12 + 3, 3).ToArray(), state.Cell(0).ToArray());
        Assert.Contains(model.Notes, n => n.Contains("model.NewState()", StringComparison.Ordinal));
        Assert.Contains(model.Notes, n => n.Contains("trained at 48000 Hz", StringComparison.Ordinal));

        state.Reset();
        loaded.ResetState(ref state);
        Assert.Equal(weights.AsSpan(48 + 12, 3).ToArray(), state.Hidden(0).ToArray());
    }

    [Fact]
    public void A_NAM_WaveNet_is_listed_and_refused_by_its_architecture()
    {
        (int inspectCode, string inspected, _) = CliTests.Run("inspect", TestFiles.Data("nam_wavenet_tiny.nam"));
        (int importCode, _, string error) = CliTests.Run("import", TestFiles.Data("nam_wavenet_tiny.nam"), "-o", Path.Combine(Path.GetTempPath(), $"rnngen-{Guid.NewGuid():N}.safetensors"));

        Assert.Equal(0, inspectCode);
        Assert.Contains("NAM 0.5.4 (WaveNet)", inspected);
        Assert.Contains("NAM architecture 'WaveNet' is not supported yet: RnnGen runs NAM's LSTM models", inspected);
        Assert.Equal(1, importCode);
        Assert.Contains("NAM architecture 'WaveNet' is not supported yet", error);
    }

    [Fact]
    public void A_NAM_file_with_too_few_weights_says_how_many_the_config_needs()
    {
        var nam = System.Text.Json.Nodes.JsonNode.Parse(TestFiles.Read("nam_lstm.nam"))!.AsObject();
        var weights = nam["weights"]!.AsArray();
        weights.RemoveAt(weights.Count - 1);
        string cut = nam.ToJsonString();

        var error = Assert.Throws<ModelImportException>(() => ModelImporter.Read(System.Text.Encoding.UTF8.GetBytes(cut), "cut.nam"));

        Assert.Equal("NAM: 'weights' holds 69 numbers, but the config's LSTM needs 70 (layer 0: 4·3·(1+3) + 4·3 + 2·3 = 66; head: 3 + 1).", error.Message);
    }

    [Fact]
    public void Import_of_a_NAM_file_prints_the_learned_state_and_how_to_start_a_stream()
    {
        string output = Path.Combine(Path.GetTempPath(), $"rnngen-{Guid.NewGuid():N}.safetensors");
        try
        {
            (int code, string stdout, _) = CliTests.Run("import", TestFiles.Data("nam_lstm_two_layers.nam"), "-o", output, "--name", "Amp");

            Assert.Equal(0, code);
            Assert.Contains("[Lstm(8, ReturnSequences = true, LearnedInitialState = true)]\n[Lstm(8, ReturnSequences = true, LearnedInitialState = true)]\n[Dense(1)]\npublic partial class Amp;", stdout.ReplaceLineEndings("\n"));
            Assert.Contains("note: NAM's LSTM starts every stream from the initial state it learned", stdout);
            string header = SafetensorsWriter.HeaderText(File.ReadAllBytes(output));
            Assert.Contains("\"lstm.initial_h_l1\"", header);
            Assert.Contains("\"lstm.initial_c_l0\"", header);
        }
        finally
        {
            File.Delete(output);
        }
    }

    internal static string[] ExpectedOrder(string name)
    {
        using JsonDocument document = JsonDocument.Parse(TestFiles.Read(name + ".expected.json"));
        return document.RootElement.GetProperty("order").EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    private static float[] NamWeights(string file)
    {
        using JsonDocument document = JsonDocument.Parse(TestFiles.Read(file));
        return document.RootElement.GetProperty("weights").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
    }

    private static float[] RunImported(string file, ImportOptions options, Expected expected)
    {
        ImportedModel model = ModelImporter.Read(TestFiles.Read(file), file, options);
        var loaded = TorchJsonOrder.FromSafetensors(SafetensorsWriter.Write(TensorRenderer.Render(model, WeightLayout.PyTorch)), WeightLayout.PyTorch);
        var state = new TorchJsonOrder.State();
        var outputs = new float[TorchJsonOrder.OutputLength(expected.TimeSteps)];
        loaded.Run(expected.Input, ref state, outputs);
        return outputs;
    }

    private static double MaxError(float[] expected, float[] actual) => expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
}
