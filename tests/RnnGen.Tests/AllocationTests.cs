using Xunit;

namespace RnnGen.Tests;

/// <summary>Step and Run must not allocate on the managed heap, for any T (long sequences use native scratch).</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Step_allocates_nothing()
    {
        var model = StreamingModel.FromParameters(TestWeights.Random(StreamingModel.ParameterLength(WeightLayout.Keras), 1), WeightLayout.Keras);
        var state = new StreamingModel.State();
        float[] input = TestWeights.Random(StreamingModel.InputSize, 2);
        float[] output = new float[StreamingModel.OutputSize];
        model.Step(input, ref state, output);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            model.Step(input, ref state, output);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(output.Sum() > 0.99f && output.Sum() < 1.01f, "softmax output should sum to 1: the loop really ran");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(5000)] // intermediate sequences exceed the stack budget: native scratch
    public void Run_allocates_nothing(int timeSteps)
    {
        var streaming = StreamingModel.FromParameters(TestWeights.Random(StreamingModel.ParameterLength(WeightLayout.PyTorch), 3), WeightLayout.PyTorch);
        var bidirectional = BidirectionalModel.FromParameters(TestWeights.Random(BidirectionalModel.ParameterLength(WeightLayout.Onnx), 4), WeightLayout.Onnx);
        var streamingState = new StreamingModel.State();
        var bidirectionalState = new BidirectionalModel.State();
        float[] inputs = TestWeights.Random(timeSteps * StreamingModel.InputSize, 5);
        float[] streamingOutputs = new float[StreamingModel.OutputLength(timeSteps)];
        float[] bidirectionalOutputs = new float[BidirectionalModel.OutputLength(timeSteps)];
        streaming.Run(inputs, ref streamingState, streamingOutputs);
        bidirectional.Run(inputs, ref bidirectionalState, bidirectionalOutputs);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            streaming.Run(inputs, ref streamingState, streamingOutputs);
            bidirectional.Run(inputs, ref bidirectionalState, bidirectionalOutputs);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Contains(bidirectionalOutputs, v => v != 0f);
    }

    [Fact]
    public void Activation_layers_learned_states_and_Dense_only_models_allocate_nothing()
    {
        var learned = LearnedStateModel.FromParameters(TestWeights.Random(LearnedStateModel.ParameterLength(WeightLayout.PyTorch), 6), WeightLayout.PyTorch);
        var dense = DenseOnlyModel.FromParameters(TestWeights.Random(DenseOnlyModel.ParameterLength(WeightLayout.Keras), 7), WeightLayout.Keras);
        float[] inputs = TestWeights.Random(50 * 6, 8);
        float[] learnedOutputs = new float[LearnedStateModel.OutputLength(50)];
        float[] denseOutputs = new float[DenseOnlyModel.OutputLength(50)];
        var batch = new LearnedStateModel.BatchState(4);
        var denseBatch = new DenseOnlyModel.BatchState(4);
        float[] batchOutputs = new float[4 * LearnedStateModel.OutputSize];
        float[] denseBatchOutputs = new float[4 * DenseOnlyModel.OutputSize];
        void Once()
        {
            LearnedStateModel.State state = learned.NewState();
            learned.Run(inputs.AsSpan(0, 50 * 2), ref state, learnedOutputs);
            learned.ResetState(ref state);
            learned.Step(inputs.AsSpan(0, 2), ref state, learnedOutputs.AsSpan(0, LearnedStateModel.OutputSize));
            learned.ResetState(batch, 3);
            learned.StepBatch(inputs.AsSpan(0, 4 * 2), batch, batchOutputs);
            DenseOnlyModel.State none = dense.NewState();
            dense.Run(inputs.AsSpan(0, 50 * 3), ref none, denseOutputs);
            dense.Step(inputs.AsSpan(0, 3), ref none, denseOutputs.AsSpan(0, DenseOnlyModel.OutputSize));
            dense.StepBatch(inputs.AsSpan(0, 4 * 3), denseBatch, denseBatchOutputs);
        }

        Once();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            Once();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.InRange(batchOutputs.AsSpan(0, LearnedStateModel.OutputSize).ToArray().Sum(), 0.999f, 1.001f); // softmax: the loop really ran
        Assert.Contains(denseOutputs, v => v != 0f);
    }
}
