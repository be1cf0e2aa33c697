using Xunit;

namespace RnnGen.Tests;

/// <summary>Bad input gets a precise exception, thrown before any state is touched.</summary>
public sealed class ArgumentTests
{
    private static StreamingModel Model() =>
        StreamingModel.FromParameters(TestWeights.Random(StreamingModel.ParameterLength(WeightLayout.Keras), 1), WeightLayout.Keras);

    private static StreamingModel.State NonZeroState()
    {
        var state = new StreamingModel.State();
        TestWeights.Random(6, 9).CopyTo(state.Hidden(0));
        TestWeights.Random(6, 10).CopyTo(state.Cell(0));
        TestWeights.Random(5, 11).CopyTo(state.Hidden(1));
        return state;
    }

    private static float[] Snapshot(ref StreamingModel.State state) =>
        [.. state.Hidden(0).ToArray(), .. state.Cell(0).ToArray(), .. state.Hidden(1).ToArray()];

    [Theory]
    [InlineData(3, 3, "input must hold InputSize = 4 floats; it holds 3.")]
    [InlineData(5, 3, "input must hold InputSize = 4 floats; it holds 5.")]
    [InlineData(4, 2, "output must hold OutputSize = 3 floats; it holds 2.")]
    public void Step_rejects_wrong_lengths_before_touching_state(int inputLength, int outputLength, string message)
    {
        StreamingModel model = Model();
        StreamingModel.State state = NonZeroState();
        float[] before = Snapshot(ref state);

        var error = Assert.Throws<ArgumentException>(() => model.Step(new float[inputLength], ref state, new float[outputLength]));

        Assert.StartsWith(message, error.Message);
        Assert.Equal(before, Snapshot(ref state));
    }

    [Theory]
    [InlineData(0, 3, "inputs must hold T × InputSize floats with T ≥ 1 and InputSize = 4; it holds 0.")]
    [InlineData(10, 3, "inputs must hold T × InputSize floats with T ≥ 1 and InputSize = 4; it holds 10.")]
    [InlineData(12, 9, "outputs must hold OutputLength(3) = OutputSize (the last step only) = 3 floats; it holds 9.")]
    public void Run_rejects_wrong_lengths_before_touching_state(int inputLength, int outputLength, string message)
    {
        StreamingModel model = Model();
        StreamingModel.State state = NonZeroState();
        float[] before = Snapshot(ref state);

        var error = Assert.Throws<ArgumentException>(() => model.Run(new float[inputLength], ref state, new float[outputLength]));

        Assert.StartsWith(message, error.Message);
        Assert.Equal(before, Snapshot(ref state));
    }

    [Fact]
    public void Run_of_a_sequence_model_names_the_sequence_length_rule()
    {
        var model = BidirectionalModel.FromParameters(new float[BidirectionalModel.ParameterLength(WeightLayout.Keras)], WeightLayout.Keras);
        var state = new BidirectionalModel.State();
        var error = Assert.Throws<ArgumentException>(() => model.Run(new float[8], ref state, new float[5]));
        Assert.StartsWith("outputs must hold OutputLength(2) = T × OutputSize = 2 × 3 = 6 floats; it holds 5.", error.Message);
    }

    [Theory]
    [InlineData(WeightLayout.Keras)]
    [InlineData(WeightLayout.PyTorch)]
    [InlineData(WeightLayout.Onnx)]
    public void FromParameters_names_every_layer_and_the_expected_count(WeightLayout layout)
    {
        int expected = StreamingModel.ParameterLength(layout);
        var error = Assert.Throws<ArgumentException>(() => StreamingModel.FromParameters(new float[expected - 1], layout));
        Assert.Contains($"expected {expected} floats in {layout} layout", error.Message);
        Assert.Contains("layer 0 Lstm(6) 4→6", error.Message);
        Assert.Contains("layer 1 Gru(5) 6→5", error.Message);
        Assert.Contains("layer 2 Dense(3) 5→3", error.Message);
        Assert.Contains($"got {expected - 1}", error.Message);
    }

    [Fact]
    public void Framework_counts_follow_each_layout()
    {
        // Keras: LSTM 4·6·(4+6+1), GRU reset_after 3·5·(6+5) + 2·3·5, Dense 5·3+3.
        Assert.Equal((24 * 11) + (15 * 11) + 30 + 18, StreamingModel.ParameterCount);
        Assert.Equal(StreamingModel.ParameterCount, StreamingModel.ParameterLength(WeightLayout.Keras));

        // PyTorch and ONNX: two bias vectors per recurrent layer.
        int twoBiases = (24 * 10) + 48 + (15 * 11) + 30 + 18;
        Assert.Equal(twoBiases, StreamingModel.ParameterLength(WeightLayout.PyTorch));
        Assert.Equal(twoBiases, StreamingModel.ParameterLength(WeightLayout.Onnx));
    }

    [Fact]
    public void PyTorch_layout_refuses_a_reset_before_GRU()
    {
        var error = Assert.Throws<ArgumentException>(() => ResetBeforeGru.FromParameters(new float[100], WeightLayout.PyTorch));
        Assert.Contains("layer 0 Gru(4) 3→4", error.Message);
        Assert.Contains("ResetAfter = true", error.Message);
        Assert.Throws<ArgumentException>(() => ResetBeforeGru.ParameterLength(WeightLayout.PyTorch));

        // The same layer loads from Keras (bias [3u]) and ONNX (linear_before_reset=0, B [1, 6u]).
        Assert.Equal((12 * 7) + 12, ResetBeforeGru.ParameterLength(WeightLayout.Keras));
        Assert.Equal((12 * 7) + 24, ResetBeforeGru.ParameterLength(WeightLayout.Onnx));
    }

    [Fact]
    public void Undefined_layout_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => StreamingModel.FromParameters(new float[10], (WeightLayout)7));
        Assert.Contains("is not a WeightLayout", error.Message);
    }

    [Fact]
    public void State_accessors_name_the_layers_that_have_state()
    {
        var state = new BidirectionalModel.State();
        Assert.Equal(6, state.Hidden(0, 1).Length);
        Assert.Equal(6, state.Cell(0, 1).Length);
        Assert.Equal(3, state.Hidden(2).Length);

        var dense = Assert.Throws<ArgumentOutOfRangeException>(() => state.Hidden(1));
        Assert.Contains("BidirectionalModel.State.Hidden(1, 0): no such state", dense.Message);
        Assert.Contains("layer 0 Lstm(6, Bidirectional): hidden and cell, directions 0 (forward) and 1 (backward)", dense.Message);
        Assert.Contains("layer 2 SimpleRnn(3, Backward): hidden, direction 0", dense.Message);

        Assert.Throws<ArgumentOutOfRangeException>(() => state.Hidden(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => state.Cell(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ResetBeforeGru.State().Cell(0));
    }

    [Fact]
    public void Default_struct_model_says_how_to_create_one()
    {
        StructModel model = default;
        var state = new StructModel.State();
        var error = Assert.Throws<InvalidOperationException>(() => model.Step(new float[2], ref state, new float[3]));
        Assert.Contains("StructModel.FromParameters", error.Message);
    }

    [Fact]
    public void OutputLength_rejects_empty_sequences()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StreamingModel.OutputLength(0));
        Assert.Equal(3, StreamingModel.OutputLength(7));
        Assert.Equal(21, BidirectionalModel.OutputLength(7));
    }
}
