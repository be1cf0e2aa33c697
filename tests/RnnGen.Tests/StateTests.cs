using Xunit;

namespace RnnGen.Tests;

/// <summary>State semantics: continuation, reset, Step against Run, and sharing one model across threads.</summary>
public sealed class StateTests
{
    [Fact]
    public void Run_in_two_pieces_equals_one_run_for_the_final_state()
    {
        var model = StreamingModel.FromParameters(TestWeights.Random(StreamingModel.ParameterLength(WeightLayout.Onnx), 21), WeightLayout.Onnx);
        float[] inputs = TestWeights.Random(40 * StreamingModel.InputSize, 22);

        var whole = new StreamingModel.State();
        float[] wholeOutput = new float[StreamingModel.OutputSize];
        model.Run(inputs, ref whole, wholeOutput);

        var pieces = new StreamingModel.State();
        float[] pieceOutput = new float[StreamingModel.OutputSize];
        model.Run(inputs.AsSpan(0, 15 * StreamingModel.InputSize), ref pieces, pieceOutput);
        model.Run(inputs.AsSpan(15 * StreamingModel.InputSize), ref pieces, pieceOutput);

        Assert.Equal(wholeOutput, pieceOutput);
        Assert.Equal(whole.Hidden(1).ToArray(), pieces.Hidden(1).ToArray());
        Assert.Equal(whole.Cell(0).ToArray(), pieces.Cell(0).ToArray());
    }

    [Fact]
    public void Step_by_step_equals_Run()
    {
        var model = StreamingModel.FromParameters(TestWeights.Random(StreamingModel.ParameterLength(WeightLayout.Keras), 23), WeightLayout.Keras);
        float[] inputs = TestWeights.Random(25 * StreamingModel.InputSize, 24);

        var runState = new StreamingModel.State();
        float[] runOutput = new float[StreamingModel.OutputSize];
        model.Run(inputs, ref runState, runOutput);

        var stepState = new StreamingModel.State();
        float[] stepOutput = new float[StreamingModel.OutputSize];
        for (int t = 0; t < 25; t++)
        {
            model.Step(inputs.AsSpan(t * StreamingModel.InputSize, StreamingModel.InputSize), ref stepState, stepOutput);
        }

        Assert.Equal(runOutput, stepOutput);
        Assert.Equal(runState.Hidden(0).ToArray(), stepState.Hidden(0).ToArray());
    }

    [Fact]
    public void Reset_returns_to_the_zero_state()
    {
        var model = StreamingModel.FromParameters(TestWeights.Random(StreamingModel.ParameterLength(WeightLayout.Keras), 25), WeightLayout.Keras);
        float[] input = TestWeights.Random(StreamingModel.InputSize, 26);
        var state = new StreamingModel.State();
        float[] first = new float[StreamingModel.OutputSize];
        model.Step(input, ref state, first);
        float[] second = new float[StreamingModel.OutputSize];
        model.Step(input, ref state, second);
        Assert.NotEqual(first, second);

        state.Reset();
        Assert.All(state.Hidden(0).ToArray(), v => Assert.Equal(0f, v));
        float[] again = new float[StreamingModel.OutputSize];
        model.Step(input, ref state, again);
        Assert.Equal(first, again);
    }

    [Fact]
    public void One_model_serves_many_threads()
    {
        var model = BidirectionalModel.FromParameters(TestWeights.Random(BidirectionalModel.ParameterLength(WeightLayout.PyTorch), 27), WeightLayout.PyTorch);
        float[][] inputs = Enumerable.Range(0, 8).Select(i => TestWeights.Random(30 * BidirectionalModel.InputSize, 100 + i)).ToArray();
        float[][] sequential = inputs.Select(input => RunOnce(model, input)).ToArray();

        float[][] parallel = new float[inputs.Length][];
        Parallel.For(0, inputs.Length * 20, i => parallel[i % inputs.Length] = RunOnce(model, inputs[i % inputs.Length]));

        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(sequential[i], parallel[i]);
        }
    }

    private static float[] RunOnce(BidirectionalModel model, float[] inputs)
    {
        var state = new BidirectionalModel.State();
        float[] outputs = new float[BidirectionalModel.OutputLength(inputs.Length / BidirectionalModel.InputSize)];
        model.Run(inputs, ref state, outputs);
        return outputs;
    }
}
