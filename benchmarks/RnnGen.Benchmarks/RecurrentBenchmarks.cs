using System;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using RnnGen.Activations;
using RnnGen.Kernels;
using RnnGen.Tests.Shared.References;

namespace RnnGen.Benchmarks;

/// <summary>
/// The six benchmarks of one model (kind × size). Every benchmark reports the time of ONE time step: the *_T100 ones run
/// 100 steps per call and declare OperationsPerInvoke = 100. All implementations run the same weights
/// (<see cref="BenchWeights"/>); <see cref="Setup"/> first checks that they agree within <see cref="Tolerance"/>.
/// </summary>
public abstract class RecurrentBenchmarks<TModel, TState, TReference, TBaseline>
    where TModel : struct, IBenchModel<TModel, TState>
    where TState : struct
    where TReference : struct, IRecurrentCell
    where TBaseline : struct, IBaselineCell<TBaseline>
{
    /// <summary>Time steps per call of the sequence benchmarks.</summary>
    public const int SequenceLength = 100;

    /// <summary>Largest absolute difference allowed between any implementation and RnnGen.</summary>
    public const float Tolerance = 1e-5f;

    private TModel _model;
    private TState _state;
    private float[] _input = [];
    private float[] _output = [];
    private float[] _inputs = [];
    private float[] _outputs = [];
    private TReference _reference;
    private float[] _referenceState = [];
    private float[] _referenceScratch = [];
    private TBaseline _baseline;
    private OnnxRecurrentSession? _onnxStep;
    private OnnxRecurrentSession? _onnxSequence;

    /// <summary>The model's only layer.</summary>
    public static LayerShape Layer => TModel.LayerShapes[0];

    /// <summary>Floating-point operations of one step, counting a multiply-add as 2: 2·G·H·(I+H). Read by <see cref="GflopsColumn"/>.</summary>
    public static long FlopsPerOperation => 2L * Layer.Gates * Layer.Units * (Layer.InputSize + Layer.Units);

    /// <summary>What <see cref="Setup"/> compared, and the largest differences, for --verify.</summary>
    public string Verification { get; private set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        LayerShape layer = Layer;
        float[] parameters = BenchWeights.PyTorchParameters(layer);
        _model = BenchModels.Create<TModel, TState>();
        _input = BenchWeights.Inputs(layer, layer.InputSize);
        _output = new float[layer.Units];
        _inputs = BenchWeights.Inputs(layer, SequenceLength * layer.InputSize);
        _outputs = new float[SequenceLength * layer.Units];

        float[] canonical = Weights.ParameterImport.Pack(parameters, WeightLayout.PyTorch, TModel.LayerShapes, typeof(TModel).Name);
        _reference = CreateReference(canonical, layer.InputSize, layer.Units);
        _referenceState = new float[_reference.StateLength];
        _referenceScratch = new float[_reference.ScratchLength];
        _baseline = TBaseline.Create(layer.InputSize, layer.Units, parameters);

        string modelPath = OnnxRecurrentSession.ModelPath(layer);
        _onnxStep = new OnnxRecurrentSession(modelPath, layer, 1);
        _onnxSequence = new OnnxRecurrentSession(modelPath, layer, SequenceLength);
        _input.CopyTo(_onnxStep.X, 0);
        _inputs.CopyTo(_onnxSequence.X, 0);

        Verify();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _onnxStep?.Dispose();
        _onnxSequence?.Dispose();
    }

    /// <summary>RnnGen: one generated Step (one time step).</summary>
    [Benchmark]
    public void RnnGen_Step() => _model.Step(_input, ref _state, _output);

    /// <summary>RnnGen: Run over 100 steps; time per step.</summary>
    [Benchmark(OperationsPerInvoke = SequenceLength)]
    public void RnnGen_Run_T100() => _model.Run(_inputs, ref _state, _outputs);

    /// <summary>RnnGen's scalar reference cell on the canonical layout, one step.</summary>
    [Benchmark]
    public void Scalar_reference() => _reference.Step(_input, _referenceState, _referenceScratch);

    /// <summary>A plain TensorPrimitives cell on PyTorch's layout, one step.</summary>
    [Benchmark]
    public void TensorPrimitives_baseline() => _baseline.Step(_input);

    /// <summary>ONNX Runtime, one node over seq_length 1, state fed back: one step.</summary>
    [Benchmark]
    public void OnnxRuntime_Step() => _onnxStep!.Run();

    /// <summary>ONNX Runtime, one node over seq_length 100 in one call; time per step.</summary>
    [Benchmark(OperationsPerInvoke = SequenceLength)]
    public void OnnxRuntime_Sequence_T100() => _onnxSequence!.Run();

    /// <summary>The kind's scalar reference cell over the canonical weights.</summary>
    protected abstract TReference CreateReference(float[] canonical, int inputSize, int units);

    /// <summary>
    /// Two streamed steps from zero state through every implementation (the second reads the fed-back state), and one
    /// 100-step sequence through RnnGen Run and ONNX Runtime; throws past <see cref="Tolerance"/>. Leaves every state zero.
    /// </summary>
    private void Verify()
    {
        int units = Layer.Units;
        float step = 0f;
        float sequence = 0f;
        for (int t = 0; t < 2; t++)
        {
            _model.Step(_input, ref _state, _output);
            Scalar_reference();
            TensorPrimitives_baseline();
            OnnxRuntime_Step();
            step = Max(step, Compare("scalar reference", _referenceState.AsSpan(0, units)));
            step = Max(step, Compare("TensorPrimitives", _baseline.Hidden));
            step = Max(step, Compare("ONNX Runtime Y_h", _onnxStep!.Yh));
            step = Max(step, Compare("ONNX Runtime Y", _onnxStep.Y));
        }

        _state = default;
        RnnGen_Run_T100();
        OnnxRuntime_Sequence_T100();
        for (int t = 0; t < SequenceLength; t++)
        {
            sequence = Max(sequence, Difference(_outputs.AsSpan(t * units, units), _onnxSequence!.Y.AsSpan(t * units, units), $"ONNX Runtime Y[{t}] of the 100-step sequence"));
        }

        float magnitude = MathF.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude<float>(_outputs));
        Verification = string.Create(CultureInfo.InvariantCulture, $"{typeof(TModel).Name} (max |h| {magnitude:F3}): max |difference| to RnnGen {step:E2} over 2 steps (scalar reference, TensorPrimitives, ONNX Runtime), {sequence:E2} over 100 steps (ONNX Runtime sequence)");

        _state = default;
        Array.Clear(_referenceState);
        _baseline.Reset();
        _onnxStep!.Reset();
        _onnxSequence!.Reset();
    }

    private float Compare(string what, ReadOnlySpan<float> actual) => Difference(_output, actual, what);

    private static float Difference(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, string what)
    {
        float max = 0f;
        for (int i = 0; i < expected.Length; i++)
        {
            max = Max(max, MathF.Abs(expected[i] - actual[i]));
        }

        if (!(max <= Tolerance))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{typeof(TModel).Name}: {what} differs from RnnGen by {max:E3} > {Tolerance:E0}."));
        }

        return max;
    }

    private static float Max(float a, float b) => MathF.Max(a, b);
}

[MemoryDiagnoser]
[GenericTypeArguments(typeof(Lstm5x2), typeof(Lstm5x2.State))]
[GenericTypeArguments(typeof(Lstm1x16), typeof(Lstm1x16.State))]
[GenericTypeArguments(typeof(Lstm1x40), typeof(Lstm1x40.State))]
[GenericTypeArguments(typeof(Lstm8x32), typeof(Lstm8x32.State))]
[GenericTypeArguments(typeof(Lstm64x128), typeof(Lstm64x128.State))]
[GenericTypeArguments(typeof(Lstm128x256), typeof(Lstm128x256.State))]
public class LstmBenchmarks<TModel, TState> : RecurrentBenchmarks<TModel, TState, LstmReference<SigmoidActivation, TanhActivation>, TensorPrimitivesLstm>
    where TModel : struct, IBenchModel<TModel, TState>
    where TState : struct
{
    protected override LstmReference<SigmoidActivation, TanhActivation> CreateReference(float[] canonical, int inputSize, int units) =>
        new(canonical, 0, inputSize, units);
}

[MemoryDiagnoser]
[GenericTypeArguments(typeof(Gru5x2), typeof(Gru5x2.State))]
[GenericTypeArguments(typeof(Gru1x16), typeof(Gru1x16.State))]
[GenericTypeArguments(typeof(Gru1x40), typeof(Gru1x40.State))]
[GenericTypeArguments(typeof(Gru8x32), typeof(Gru8x32.State))]
[GenericTypeArguments(typeof(Gru64x128), typeof(Gru64x128.State))]
[GenericTypeArguments(typeof(Gru128x256), typeof(Gru128x256.State))]
public class GruBenchmarks<TModel, TState> : RecurrentBenchmarks<TModel, TState, GruReference<SigmoidActivation, TanhActivation>, TensorPrimitivesGru>
    where TModel : struct, IBenchModel<TModel, TState>
    where TState : struct
{
    protected override GruReference<SigmoidActivation, TanhActivation> CreateReference(float[] canonical, int inputSize, int units) =>
        new(canonical, 0, inputSize, units, resetAfter: true);
}

[MemoryDiagnoser]
[GenericTypeArguments(typeof(SimpleRnn5x2), typeof(SimpleRnn5x2.State))]
[GenericTypeArguments(typeof(SimpleRnn1x16), typeof(SimpleRnn1x16.State))]
[GenericTypeArguments(typeof(SimpleRnn1x40), typeof(SimpleRnn1x40.State))]
[GenericTypeArguments(typeof(SimpleRnn8x32), typeof(SimpleRnn8x32.State))]
[GenericTypeArguments(typeof(SimpleRnn64x128), typeof(SimpleRnn64x128.State))]
[GenericTypeArguments(typeof(SimpleRnn128x256), typeof(SimpleRnn128x256.State))]
public class SimpleRnnBenchmarks<TModel, TState> : RecurrentBenchmarks<TModel, TState, SimpleRnnReference<TanhActivation>, TensorPrimitivesSimpleRnn>
    where TModel : struct, IBenchModel<TModel, TState>
    where TState : struct
{
    protected override SimpleRnnReference<TanhActivation> CreateReference(float[] canonical, int inputSize, int units) =>
        new(canonical, 0, inputSize, units);
}
