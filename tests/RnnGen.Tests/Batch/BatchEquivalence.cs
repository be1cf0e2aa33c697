using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnGen.Kernels;
using RnnGen.Tests.Golden;
using Xunit;

namespace RnnGen.Tests.Batch;

/// <summary>StepBatch over N streams against N separate Step calls: outputs and states must be bit-identical.</summary>
internal static class BatchEquivalence
{
    private const int TimeSteps = 4;

    public static void Check<TModel, TState, TBatch>(GoldenCase golden, VectorPath path, int streams)
        where TModel : IBatchStepping<TModel, TState, TBatch>
        where TState : struct
        where TBatch : class =>
        Check<TModel, TState, TBatch>(golden.Name, golden.Parameters, golden.Layout, path, streams);

    /// <summary>As above, for a model with any weights (named <paramref name="name"/> in messages).</summary>
    public static void Check<TModel, TState, TBatch>(string name, ReadOnlySpan<float> parameters, WeightLayout layout, VectorPath path, int streams)
        where TModel : IBatchStepping<TModel, TState, TBatch>
        where TState : struct
        where TBatch : class
    {
        TModel model = TModel.FromParameters(parameters, layout, path);
        int inputSize = TModel.LayerShapes[0].InputSize;
        int outputSize = TModel.OutputLength(1);
        var alone = new TState[streams];
        TBatch batch = BatchStateMembers<TState, TBatch>.Create(streams + 2); // spare capacity: N below Capacity

        // A different initial state per stream: stream s warmed up by s % 4 steps of its own inputs (stream 0 stays zero).
        var warmOutput = new float[outputSize];
        for (int stream = 0; stream < streams; stream++)
        {
            float[] warm = TestWeights.Random(inputSize * (stream % 4), 1000 + stream);
            for (int t = 0; t < stream % 4; t++)
            {
                model.Step(warm.AsSpan(t * inputSize, inputSize), ref alone[stream], warmOutput);
            }

            BatchStateMembers<TState, TBatch>.Write(batch, stream, in alone[stream]);
        }

        var expected = new float[outputSize];
        for (int t = 0; t < TimeSteps; t++)
        {
            float[] inputs = TestWeights.Random(streams * inputSize, (t * 7919) + streams);
            var outputs = new float[streams * outputSize];
            model.StepBatch(inputs, batch, outputs);
            for (int stream = 0; stream < streams; stream++)
            {
                model.Step(inputs.AsSpan(stream * inputSize, inputSize), ref alone[stream], expected);
                Assert.True(
                    expected.AsSpan().SequenceEqual(outputs.AsSpan(stream * outputSize, outputSize)),
                    $"{name} on {path}, N = {streams}: stream {stream} at step {t} differs from Step");
            }
        }

        for (int stream = 0; stream < streams; stream++)
        {
            TState read = default;
            BatchStateMembers<TState, TBatch>.Read(batch, stream, ref read);
            Assert.True(Bytes(ref read).SequenceEqual(Bytes(ref alone[stream])), $"{name} on {path}, N = {streams}: stream {stream}'s state differs from Step's");
        }
    }

    /// <summary>The raw bits of a state (a struct of inline floats), for a bit-exact comparison.</summary>
    private static ReadOnlySpan<byte> Bytes<TState>(ref TState state)
        where TState : struct =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<TState, byte>(ref state), Unsafe.SizeOf<TState>());
}
