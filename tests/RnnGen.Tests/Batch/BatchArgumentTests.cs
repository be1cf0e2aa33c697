using Xunit;

namespace RnnGen.Tests.Batch;

/// <summary>StepBatch rejects every wrong length with the expected length in the message, before touching any stream.</summary>
public sealed class BatchArgumentTests
{
    [Theory]
    [InlineData(0, 0, "inputs must hold N × InputSize floats with 1 ≤ N ≤ Capacity = 3 and InputSize = 4; it holds 0.")]
    [InlineData(7, 6, "inputs must hold N × InputSize floats with 1 ≤ N ≤ Capacity = 3 and InputSize = 4; it holds 7.")]
    [InlineData(16, 12, "inputs must hold N × InputSize floats with 1 ≤ N ≤ Capacity = 3 and InputSize = 4; it holds 16.")]
    [InlineData(8, 3, "outputs must hold N × OutputSize = 2 × 3 = 6 floats; it holds 3.")]
    [InlineData(8, 9, "outputs must hold N × OutputSize = 2 × 3 = 6 floats; it holds 9.")]
    public void Wrong_lengths_throw_before_any_stream_changes(int inputsLength, int outputsLength, string message)
    {
        var model = StreamingModel.FromParameters(TestWeights.Random(StreamingModel.ParameterLength(WeightLayout.Keras), 1), WeightLayout.Keras);
        var batch = new StreamingModel.BatchState(3);
        var warmed = new StreamingModel.State();
        model.Run(TestWeights.Random(3 * StreamingModel.InputSize, 2), ref warmed, new float[StreamingModel.OutputLength(3)]);
        for (int stream = 0; stream < 3; stream++)
        {
            batch.Write(stream, in warmed);
        }

        var error = Assert.Throws<ArgumentException>(() => model.StepBatch(new float[inputsLength], batch, new float[outputsLength]));

        Assert.StartsWith(message, error.Message);
        var read = new StreamingModel.State();
        for (int stream = 0; stream < 3; stream++)
        {
            batch.Read(stream, ref read);
            Assert.Equal(warmed.Hidden(1).ToArray(), read.Hidden(1).ToArray());
            Assert.Equal(warmed.Cell(0).ToArray(), read.Cell(0).ToArray());
        }
    }

    [Fact]
    public void A_null_batch_state_throws()
    {
        var model = StreamingModel.FromParameters(TestWeights.Random(StreamingModel.ParameterLength(WeightLayout.Keras), 1), WeightLayout.Keras);
        Assert.Throws<ArgumentNullException>(() => model.StepBatch(new float[4], null!, new float[3]));
    }
}
