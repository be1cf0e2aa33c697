using System.Runtime.InteropServices;
using Xunit;

namespace RnnGen.Tests.Golden;

/// <summary>The Quickstart prints what the golden seed cases verify: its weight files must be those cases' weights.</summary>
public sealed class QuickstartWeightsTests
{
    [Theory]
    [InlineData("simple_rnn.f32", "keras_seed_simple_rnn", false)]
    [InlineData("simple_rnn_seq.f32", "keras_seed_simple_rnn_seq", true)]
    [InlineData("lstm_seq_state.f32", "keras_seed_lstm_seq_state", true)]
    public void Quickstart_weights_are_the_golden_seed_weights(string file, string goldenCase, bool returnsSequences)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "QuickstartWeights", file));
        float[] weights = MemoryMarshal.Cast<byte, float>(bytes).ToArray();
        GoldenCase golden = GoldenCase.Load(goldenCase);
        Assert.Equal(golden.Parameters, weights);

        // The tutorial's point: zero biases and an all-zero first word give an all-zero first step.
        Assert.Equal(25, golden.Runs[0].Inputs.Length);
        Assert.Equal(returnsSequences ? 10 : 2, golden.Runs[0].Outputs.Length);
        if (returnsSequences)
        {
            Assert.Equal(new[] { 0f, 0f }, golden.Runs[0].Outputs.Take(2).ToArray());
        }
    }
}
