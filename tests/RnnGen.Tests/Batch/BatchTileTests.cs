using RnnGen.Kernels;
using Xunit;

namespace RnnGen.Tests.Batch;

/// <summary>
/// Layers big enough to exercise every seam of the batched LSTM/GRU tiling that the golden models are too small for:
/// weight rows in several L1 chunks (partial sums parked between them), several stream panels, four-, two- and
/// one-stream tiles, and a partial last block of units. Random weights; the reference is Step, bit for bit.
/// </summary>
public sealed class BatchTileTests
{
    public static TheoryData<VectorPath, int> Cases
    {
        get
        {
            var data = new TheoryData<VectorPath, int>();
            foreach (VectorPath path in Enum.GetValues<VectorPath>())
            {
                foreach (int streams in new[] { 1, 2, 7, 13, 40 })
                {
                    data.Add(path, streams);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wide_LSTM_matches_Step(VectorPath path, int streams) =>
        BatchEquivalence.Check<WideTileLstm, WideTileLstm.State, WideTileLstm.BatchState>(
            nameof(WideTileLstm), Weights(WideTileLstm.ParameterLength(WeightLayout.PyTorch), 31), WeightLayout.PyTorch, path, streams);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wide_GRU_matches_Step(VectorPath path, int streams) =>
        BatchEquivalence.Check<WideTileGru, WideTileGru.State, WideTileGru.BatchState>(
            nameof(WideTileGru), Weights(WideTileGru.ParameterLength(WeightLayout.PyTorch), 37), WeightLayout.PyTorch, path, streams);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wide_Dense_layers_match_Step(VectorPath path, int streams) =>
        BatchEquivalence.Check<WideTileDense, WideTileDense.State, WideTileDense.BatchState>(
            nameof(WideTileDense), Weights(WideTileDense.ParameterLength(WeightLayout.Keras), 41), WeightLayout.Keras, path, streams);

    [Fact]
    public void The_wide_layers_really_span_several_chunks_and_panels()
    {
        // 333 and 160 weight rows: more than one chunk of ~16 KB of rows at every SIMD width; 300 units: panels of 12.
        Assert.Equal(12, BatchScratch.Panel(300));
        Assert.Equal(16, BatchScratch.Panel(90));
        Assert.True(33 + 300 > 4096 / (4 * 4), "the LSTM's rows fit one chunk even at 128 bits");
        Assert.True(70 + 90 > 4096 / (3 * 16), "the GRU's rows fit one chunk at 512 bits");
    }

    // Small weights (±0.1) so the states stay in the activations' interesting range over the test's steps.
    private static float[] Weights(int length, int seed)
    {
        float[] weights = TestWeights.Random(length, seed);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] *= 0.1f;
        }

        return weights;
    }
}

[RnnModel(inputSize: 33)]
[Lstm(300)]
internal partial class WideTileLstm : IBatchStepping<WideTileLstm, WideTileLstm.State, WideTileLstm.BatchState>;

[RnnModel(inputSize: 70)]
[Gru(90)]
internal partial class WideTileGru : IBatchStepping<WideTileGru, WideTileGru.State, WideTileGru.BatchState>;

// Dense widths with whole registers and a remainder at every width (40 = 2·16 + 8, 19 = 16 + 3).
[RnnModel(inputSize: 5)]
[Gru(24)]
[Dense(40, Activation = Activation.Relu)]
[Dense(19, Activation = Activation.Softmax)]
internal partial class WideTileDense : IBatchStepping<WideTileDense, WideTileDense.State, WideTileDense.BatchState>;
