using RnnGen.Kernels;
using RnnGen.Threading;

namespace RnnGen.Tests.Golden;

/// <summary>
/// StepBatch inside this binary (on arm64 that is NEON's four-stream tiles): for a few golden models, on every vector
/// path, N streams stepped together — on one thread and split across two — must give exactly Step's bits per stream.
/// </summary>
internal static class BatchCheck
{
    private static readonly int[] s_streamCounts = [1, 7, 37];

    /// <summary>Runs every check; returns one line per mismatch.</summary>
    public static List<string> Run(out int checks)
    {
        var failures = new List<string>();
        checks = 0;
        using var workers = new BatchWorkers(2, minWorkPerThread: 1);
        foreach (VectorPath path in Enum.GetValues<VectorPath>())
        {
            checks += Check<TorchLstm64x128, TorchLstm64x128.State, TorchLstm64x128.BatchState>("torch_lstm_64x128", path, workers, failures);
            checks += Check<KerasGru13x29, KerasGru13x29.State, KerasGru13x29.BatchState>("keras_gru_13x29", path, workers, failures);
            checks += Check<TorchLstm8x32DenseSoftmax, TorchLstm8x32DenseSoftmax.State, TorchLstm8x32DenseSoftmax.BatchState>("torch_lstm_8x32_dense_softmax", path, workers, failures);
        }

        return failures;
    }

    private static int Check<TModel, TState, TBatch>(string name, VectorPath path, BatchWorkers workers, List<string> failures)
        where TModel : IBatchModel<TModel, TState, TBatch>
        where TState : struct
        where TBatch : class
    {
        GoldenCase golden = GoldenCase.Load(name);
        TModel model = TModel.FromParameters(golden.Parameters, golden.Layout, path);
        int inputSize = TModel.LayerShapes[0].InputSize;
        int outputSize = TModel.OutputLength(1);
        int checks = 0;
        foreach (int streams in s_streamCounts)
        {
            var alone = new TState[streams];
            TBatch together = TModel.CreateBatch(streams);
            TBatch split = TModel.CreateBatch(streams);
            var expected = new float[outputSize];
            for (int t = 0; t < 3; t++)
            {
                float[] inputs = Inputs(streams * inputSize, (t * 31) + streams);
                var outputs = new float[streams * outputSize];
                var splitOutputs = new float[streams * outputSize];
                model.StepBatch(inputs, together, outputs);
                model.StepBatch(inputs, split, splitOutputs, workers);
                for (int stream = 0; stream < streams; stream++)
                {
                    model.Step(inputs.AsSpan(stream * inputSize, inputSize), ref alone[stream], expected);
                    checks++;
                    if (!expected.AsSpan().SequenceEqual(outputs.AsSpan(stream * outputSize, outputSize))
                        || !expected.AsSpan().SequenceEqual(splitOutputs.AsSpan(stream * outputSize, outputSize)))
                    {
                        failures.Add($"StepBatch {name} on {path}, N = {streams}: stream {stream} at step {t} differs from Step");
                    }
                }
            }
        }

        return checks;
    }

    // Deterministic inputs in [-1, 1) without System.Random (the same on every platform and runtime).
    private static float[] Inputs(int count, int seed)
    {
        var values = new float[count];
        uint state = (uint)seed * 2654435761u + 1;
        for (int i = 0; i < count; i++)
        {
            state = (state * 1664525u) + 1013904223u;
            values[i] = ((state >> 8) / (float)(1 << 23)) - 1f;
        }

        return values;
    }
}

/// <summary>The generated members the check needs (a nested BatchState has no constructor an interface can name).</summary>
internal interface IBatchModel<TModel, TState, TBatch>
    where TModel : IBatchModel<TModel, TState, TBatch>
    where TState : struct
    where TBatch : class
{
    static abstract TModel FromParameters(ReadOnlySpan<float> parameters, WeightLayout layout, VectorPath path);

    static abstract ReadOnlySpan<LayerShape> LayerShapes { get; }

    static abstract int OutputLength(int timeSteps);

    static abstract TBatch CreateBatch(int capacity);

    void Step(ReadOnlySpan<float> input, ref TState state, Span<float> output);

    void StepBatch(ReadOnlySpan<float> inputs, TBatch state, Span<float> outputs);

    void StepBatch(ReadOnlyMemory<float> inputs, TBatch state, Memory<float> outputs, BatchWorkers workers);
}

internal partial class TorchLstm64x128 : IBatchModel<TorchLstm64x128, TorchLstm64x128.State, TorchLstm64x128.BatchState>
{
    public static BatchState CreateBatch(int capacity) => new(capacity);
}

internal partial class KerasGru13x29 : IBatchModel<KerasGru13x29, KerasGru13x29.State, KerasGru13x29.BatchState>
{
    public static BatchState CreateBatch(int capacity) => new(capacity);
}

internal partial class TorchLstm8x32DenseSoftmax : IBatchModel<TorchLstm8x32DenseSoftmax, TorchLstm8x32DenseSoftmax.State, TorchLstm8x32DenseSoftmax.BatchState>
{
    public static BatchState CreateBatch(int capacity) => new(capacity);
}
