using Xunit;

namespace RnnGen.Tests.Batch;

/// <summary>BatchState: Read/Write/Reset per stream, and StepBatch on a model with every kind of layer.</summary>
public sealed class BatchStateTests
{
    private static MixedBatchModel Model() =>
        MixedBatchModel.FromParameters(TestWeights.Random(MixedBatchModel.ParameterLength(WeightLayout.Keras), 21), WeightLayout.Keras);

    private static MixedBatchModel.State Warmed(MixedBatchModel model, int seed)
    {
        var state = new MixedBatchModel.State();
        float[] inputs = TestWeights.Random(5 * MixedBatchModel.InputSize, seed);
        model.Run(inputs, ref state, new float[MixedBatchModel.OutputLength(5)]);
        return state;
    }

    private static float[] Flatten(ref MixedBatchModel.State state) =>
        [.. state.Hidden(1).ToArray(), .. state.Hidden(3).ToArray(), .. state.Hidden(4).ToArray(), .. state.Cell(4).ToArray()];

    [Fact]
    public void A_new_batch_is_zero_and_Write_then_Read_round_trips()
    {
        MixedBatchModel model = Model();
        var batch = new MixedBatchModel.BatchState(4);
        Assert.Equal(4, batch.Capacity);
        var read = new MixedBatchModel.State();
        batch.Read(3, ref read);
        Assert.All(Flatten(ref read), v => Assert.Equal(0f, v));

        MixedBatchModel.State written = Warmed(model, 5);
        batch.Write(2, in written);
        batch.Read(2, ref read);
        Assert.Equal(Flatten(ref written), Flatten(ref read));
        Assert.Contains(Flatten(ref read), v => v != 0f);
    }

    [Fact]
    public void Reset_clears_one_stream_and_ResetAll_every_stream()
    {
        MixedBatchModel model = Model();
        var batch = new MixedBatchModel.BatchState(3);
        MixedBatchModel.State[] states = [Warmed(model, 1), Warmed(model, 2), Warmed(model, 3)];
        for (int stream = 0; stream < 3; stream++)
        {
            batch.Write(stream, in states[stream]);
        }

        batch.Reset(1);
        var read = new MixedBatchModel.State();
        batch.Read(1, ref read);
        Assert.All(Flatten(ref read), v => Assert.Equal(0f, v));
        batch.Read(0, ref read);
        Assert.Equal(Flatten(ref states[0]), Flatten(ref read));
        batch.Read(2, ref read);
        Assert.Equal(Flatten(ref states[2]), Flatten(ref read));

        batch.ResetAll();
        for (int stream = 0; stream < 3; stream++)
        {
            batch.Read(stream, ref read);
            Assert.All(Flatten(ref read), v => Assert.Equal(0f, v));
        }
    }

    [Fact]
    public void Stream_indexes_and_capacity_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MixedBatchModel.BatchState(0));
        var batch = new MixedBatchModel.BatchState(2);
        var state = new MixedBatchModel.State();
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Reset(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Reset(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Read(2, ref state));
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Write(-1, in state));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(37)]
    public void Every_layer_kind_matches_Step_per_stream(int streams)
    {
        MixedBatchModel model = Model();
        var batch = new MixedBatchModel.BatchState(40);
        var alone = new MixedBatchModel.State[streams];
        for (int stream = 0; stream < streams; stream++)
        {
            alone[stream] = Warmed(model, 100 + stream);
            batch.Write(stream, in alone[stream]);
        }

        var expected = new float[MixedBatchModel.OutputSize];
        for (int t = 0; t < 3; t++)
        {
            float[] inputs = TestWeights.Random(streams * MixedBatchModel.InputSize, 200 + t);
            var outputs = new float[streams * MixedBatchModel.OutputSize];
            model.StepBatch(inputs, batch, outputs);
            for (int stream = 0; stream < streams; stream++)
            {
                model.Step(inputs.AsSpan(stream * MixedBatchModel.InputSize, MixedBatchModel.InputSize), ref alone[stream], expected);
                Assert.Equal(expected, outputs.AsSpan(stream * MixedBatchModel.OutputSize, MixedBatchModel.OutputSize).ToArray());
            }
        }

        var read = new MixedBatchModel.State();
        for (int stream = 0; stream < streams; stream++)
        {
            batch.Read(stream, ref read);
            Assert.Equal(Flatten(ref alone[stream]), Flatten(ref read));
        }
    }

    [Fact]
    public void Hidden_and_Cell_are_the_streams_own_floats_in_place()
    {
        MixedBatchModel model = Model();
        var batch = new MixedBatchModel.BatchState(3);
        MixedBatchModel.State written = Warmed(model, 7);
        batch.Write(1, in written);
        Assert.Equal(written.Hidden(3).ToArray(), batch.Hidden(1, 3).ToArray());
        Assert.Equal(written.Cell(4).ToArray(), batch.Cell(1, 4).ToArray());
        Assert.All(batch.Hidden(0, 4).ToArray(), v => Assert.Equal(0f, v));

        batch.Hidden(2, 1).Fill(0.25f); // an initial state set in place
        var read = new MixedBatchModel.State();
        batch.Read(2, ref read);
        Assert.All(read.Hidden(1).ToArray(), v => Assert.Equal(0.25f, v));
        Assert.All(read.Hidden(3).ToArray(), v => Assert.Equal(0f, v));

        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Hidden(1, 0)); // a Dense layer has no state
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Cell(1, 3));   // a SimpleRNN has no cell
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Hidden(3, 1)); // no stream 3
    }
}
