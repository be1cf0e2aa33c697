using System.Text.Json;
using Xunit;

namespace RnnGen.Import.Tests;

/// <summary>Keras layer options that the test files do not cover, read from configs alone (weights of the right shapes).</summary>
public sealed class KerasConfigTests
{
    [Theory]
    [InlineData(false, Activation.HardSigmoid)]
    [InlineData(true, Activation.HardSigmoidKeras3)]
    public void Hard_sigmoid_means_each_Keras_versions_own_formula(bool keras3, Activation expected)
    {
        ImportedLayer layer = Single("""{"class_name": "LSTM", "config": {"name": "lstm", "units": 2, "recurrent_activation": "hard_sigmoid", "activation": "tanh"}}""", keras3, 4);

        Assert.Equal(expected, layer.RecurrentActivation);
    }

    [Fact]
    public void Go_backwards_reset_before_and_no_bias_are_carried_over()
    {
        ImportedLayer layer = Single("""{"class_name": "GRU", "config": {"name": "gru", "units": 2, "go_backwards": true, "reset_after": false, "use_bias": false, "return_sequences": true}}""", false, 3);

        Assert.Equal((Direction.Backward, false, false, true), (layer.Direction, layer.ResetAfter, layer.UseBias, layer.ReturnSequences));
        Assert.Equal(Activation.HardSigmoid, layer.RecurrentActivation); // Keras 2.0-2.2 configs without recurrent_activation
    }

    [Fact]
    public void Keras_3_activation_objects_and_bidirectional_merge_modes_are_read()
    {
        ImportedLayer layer = Single("""{"class_name": "Bidirectional", "config": {"name": "bidirectional", "merge_mode": "ave", "layer": {"class_name": "SimpleRNN", "config": {"name": "simple_rnn", "units": 2, "activation": {"module": "keras.activations", "class_name": "function", "config": "relu"}}}}}""", true, 6);

        Assert.Equal((Direction.Bidirectional, MergeMode.Average, Activation.Relu), (layer.Direction, layer.MergeMode, layer.Activation));
    }

    [Fact]
    public void A_bidirectional_layer_without_merge_mode_is_named()
    {
        ImportedModel model = Build("""{"class_name": "Bidirectional", "config": {"name": "bi", "merge_mode": null, "layer": {"class_name": "LSTM", "config": {"name": "lstm", "units": 2}}}}""", false, 0);

        Assert.Equal(new[] { "layer 'bi' (Bidirectional): merge_mode None is not supported (concat, sum, mul, ave are)" }, model.Unsupported);
    }

    private static ImportedLayer Single(string layer, bool keras3, int arrays)
    {
        ImportedModel model = Build(layer, keras3, arrays);
        Assert.Empty(model.Unsupported);
        return Assert.Single(model.Layers);
    }

    // A Sequential config with one layer whose weights are zeros of the shapes the config implies (input size 3).
    private static ImportedModel Build(string layer, bool keras3, int arrays)
    {
        using JsonDocument config = JsonDocument.Parse($$$"""{"class_name": "Sequential", "config": {"name": "s", "layers": [{{{layer}}}]}}""");
        var layers = KerasModelConfig.Layers(config.RootElement, "test");
        return KerasModelBuilder.Build("test", layers, l => Weights(l, arrays), keras3);
    }

    private static List<RawTensor> Weights(KerasLayerConfig layer, int arrays)
    {
        string text = layer.Config.GetRawText();
        int gates = text.Contains("\"LSTM\"") || layer.ClassName == "LSTM" ? 4 : text.Contains("\"GRU\"") || layer.ClassName == "GRU" ? 3 : 1;
        bool resetBefore = text.Contains("\"reset_after\": false");
        var shapes = new List<long[]> { new long[] { 3, gates * 2 }, new long[] { 2, gates * 2 }, gates == 3 && !resetBefore ? new long[] { 2, 6 } : new long[] { gates * 2 } };
        if (arrays == 3)
        {
            shapes.RemoveAt(2); // use_bias false
        }

        IEnumerable<long[]> all = arrays == 6 ? shapes.Concat(shapes) : shapes;
        return all.Take(arrays).Select((s, i) => new RawTensor($"w{i}", s, new float[s.Aggregate(1L, (a, b) => a * b)])).ToList();
    }
}
