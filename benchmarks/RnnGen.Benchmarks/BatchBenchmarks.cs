using System;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using RnnGen.Threading;

namespace RnnGen.Benchmarks;

/// <summary>What the batch benchmarks need beyond <see cref="IBenchModel{TSelf, TState}"/>: the generated StepBatch.</summary>
public interface IBatchBenchModel<TSelf, TState, TBatch> : IBenchModel<TSelf, TState>
    where TSelf : struct, IBatchBenchModel<TSelf, TState, TBatch>
    where TState : struct
{
    static abstract TBatch CreateBatch(int capacity);

    void StepBatch(ReadOnlySpan<float> inputs, TBatch state, Span<float> outputs);

    void StepBatch(ReadOnlyMemory<float> inputs, TBatch state, Memory<float> outputs, BatchWorkers workers);
}

/// <summary>
/// N independent streams, one time step each: the generated <c>StepBatch</c> against N calls of <c>Step</c> (each
/// stream with its own <c>State</c>), on the same weights and inputs. One operation is one call for all N streams;
/// <see cref="PerStreamColumn"/> divides by N. <see cref="Setup"/> first checks that both give the same outputs.
/// </summary>
public abstract class BatchBenchmarks<TModel, TState, TBatch>
    where TModel : struct, IBatchBenchModel<TModel, TState, TBatch>
    where TState : struct
{
    private TModel _model;
    private TBatch _batch = default!;
    private TState[] _states = [];
    private float[] _inputs = [];
    private float[] _outputs = [];
    private BatchWorkers? _workers;

    /// <summary>How many streams one call steps.</summary>
    [Params(1, 16, 256, 4096)]
    public int Streams { get; set; }

    /// <summary>The model's only layer.</summary>
    public static LayerShape Layer => TModel.LayerShapes[0];

    /// <summary>FLOP of one stream's step (a multiply-add counts 2); <see cref="GflopsColumn"/> multiplies by <see cref="Streams"/>.</summary>
    public static long FlopsPerOperation => 2L * Layer.Gates * Layer.Units * (Layer.InputSize + Layer.Units);

    [GlobalSetup]
    public void Setup()
    {
        LayerShape layer = Layer;
        _model = BenchModels.Create<TModel, TState>();
        _batch = TModel.CreateBatch(Streams);
        _states = new TState[Streams];
        _inputs = BenchWeights.Inputs(layer, Streams * layer.InputSize);
        _outputs = new float[Streams * layer.Units];
        _workers = new BatchWorkers(2, minWorkPerThread: 1);
        Verify();
    }

    [GlobalCleanup]
    public void Cleanup() => _workers?.Dispose();

    /// <summary>N × the generated Step, each stream with its own State: what a caller without StepBatch writes.</summary>
    [Benchmark(Baseline = true)]
    public void Step_each()
    {
        int input = Layer.InputSize;
        int units = Layer.Units;
        ReadOnlySpan<float> inputs = _inputs;
        Span<float> outputs = _outputs;
        TState[] states = _states;
        for (int stream = 0; stream < states.Length; stream++)
        {
            _model.Step(inputs.Slice(stream * input, input), ref states[stream], outputs.Slice(stream * units, units));
        }
    }

    /// <summary>One generated StepBatch over all N streams.</summary>
    [Benchmark]
    public void StepBatch() => _model.StepBatch(_inputs, _batch, _outputs);

    /// <summary>
    /// StepBatch split over two threads (the caller and one <see cref="BatchWorkers"/> thread) whenever there are two
    /// register tiles of streams: minWorkPerThread = 1 forces the split, to show where it pays and where it does not.
    /// </summary>
    [Benchmark]
    public void StepBatch_2threads() => _model.StepBatch(_inputs, _batch, _outputs, _workers!);

    /// <summary>From zero states, three steps of N × Step against each StepBatch form: the outputs must be identical.</summary>
    private void Verify()
    {
        VerifyAgainstStep(StepBatch, "StepBatch");
        VerifyAgainstStep(StepBatch_2threads, "StepBatch on 2 threads");
    }

    private void VerifyAgainstStep(Action stepBatch, string what)
    {
        float[] expected = new float[_outputs.Length];
        for (int t = 0; t < 3; t++)
        {
            Step_each();
            _outputs.CopyTo(expected, 0);
            stepBatch();
            Compare(expected, what, t);
        }

        Array.Clear(_states);
        _batch = TModel.CreateBatch(Streams);
    }

    private void Compare(float[] expected, string what, int step)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(_outputs[i]))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{typeof(TModel).Name}, {Streams} streams, step {step}: {what} output {i} is {_outputs[i]:R}, Step gave {expected[i]:R}."));
            }
        }
    }
}

[MemoryDiagnoser]
[GenericTypeArguments(typeof(Lstm8x32), typeof(Lstm8x32.State), typeof(Lstm8x32.BatchState))]
[GenericTypeArguments(typeof(Lstm64x128), typeof(Lstm64x128.State), typeof(Lstm64x128.BatchState))]
public class LstmBatchBenchmarks<TModel, TState, TBatch> : BatchBenchmarks<TModel, TState, TBatch>
    where TModel : struct, IBatchBenchModel<TModel, TState, TBatch>
    where TState : struct;

[MemoryDiagnoser]
[GenericTypeArguments(typeof(Gru8x32), typeof(Gru8x32.State), typeof(Gru8x32.BatchState))]
[GenericTypeArguments(typeof(Gru64x128), typeof(Gru64x128.State), typeof(Gru64x128.BatchState))]
public class GruBatchBenchmarks<TModel, TState, TBatch> : BatchBenchmarks<TModel, TState, TBatch>
    where TModel : struct, IBatchBenchModel<TModel, TState, TBatch>
    where TState : struct;

// The batch models: the same generated structs as the single-step benchmarks, plus a factory for their BatchState.
public partial struct Lstm8x32 : IBatchBenchModel<Lstm8x32, Lstm8x32.State, Lstm8x32.BatchState>
{
    public static BatchState CreateBatch(int capacity) => new(capacity);
}

public partial struct Lstm64x128 : IBatchBenchModel<Lstm64x128, Lstm64x128.State, Lstm64x128.BatchState>
{
    public static BatchState CreateBatch(int capacity) => new(capacity);
}

public partial struct Gru8x32 : IBatchBenchModel<Gru8x32, Gru8x32.State, Gru8x32.BatchState>
{
    public static BatchState CreateBatch(int capacity) => new(capacity);
}

public partial struct Gru64x128 : IBatchBenchModel<Gru64x128, Gru64x128.State, Gru64x128.BatchState>
{
    public static BatchState CreateBatch(int capacity) => new(capacity);
}
