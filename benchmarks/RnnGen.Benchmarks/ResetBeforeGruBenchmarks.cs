using System;
using System.Globalization;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using RnnGen.Activations;
using RnnGen.Tests.Shared.References;

namespace RnnGen.Benchmarks;

/// <summary>
/// The original-form GRU (Keras reset_after=False, ONNX linear_before_reset=0) per step: the generated Step on its
/// lane kernel, against the scalar reference cell that generated code called before the form had a lane kernel, and
/// against the reset-after GRU of the same size (same multiply-adds; it has one pass over the weights instead of two).
/// PyTorch has no such GRU, so the weights are Keras-layout draws; <see cref="Setup"/> checks Step against the
/// reference cell within 1e-5.
/// </summary>
public abstract class ResetBeforeGruBenchmarks<TModel, TState, TResetAfter, TResetAfterState>
    where TModel : struct, IBenchModel<TModel, TState>
    where TState : struct
    where TResetAfter : struct, IBenchModel<TResetAfter, TResetAfterState>
    where TResetAfterState : struct
{
    private TModel _model;
    private TState _state;
    private TResetAfter _resetAfter;
    private TResetAfterState _resetAfterState;
    private GruReference<SigmoidActivation, TanhActivation> _reference;
    private float[] _referenceState = [];
    private float[] _referenceScratch = [];
    private float[] _input = [];
    private float[] _output = [];
    private float[] _inputs = [];
    private float[] _outputs = [];

    private static LayerShape Layer => TModel.LayerShapes[0];

    /// <summary>2·G·H·(I+H) FLOP per step, as every other table here (read by <see cref="GflopsColumn"/>).</summary>
    public static long FlopsPerOperation => 2L * Layer.Gates * Layer.Units * (Layer.InputSize + Layer.Units);

    [GlobalSetup]
    public void Setup()
    {
        LayerShape layer = Layer;
        // Keras: kernel [I, 3H], recurrent kernel [H, 3H], one bias [3H]; drawn in about ±1/√H as PyTorch initialises.
        int k = (32 - BitOperations.LeadingZeroCount((uint)(layer.Units - 1)) + 1) / 2;
        float[] parameters = BenchWeights.Uniform(BenchWeights.Seed(layer) ^ 0x5EED, 3 * layer.Units * (layer.InputSize + layer.Units + 1), k);
        _model = TModel.FromParameters(parameters, WeightLayout.Keras);
        _resetAfter = BenchModels.Create<TResetAfter, TResetAfterState>();
        float[] canonical = Weights.ParameterImport.Pack(parameters, WeightLayout.Keras, TModel.LayerShapes, typeof(TModel).Name);
        _reference = new GruReference<SigmoidActivation, TanhActivation>(canonical, 0, layer.InputSize, layer.Units, resetAfter: false);
        _referenceState = new float[layer.Units];
        _referenceScratch = new float[_reference.ScratchLength];
        _input = BenchWeights.Inputs(layer, layer.InputSize);
        _output = new float[layer.Units];
        _inputs = BenchWeights.Inputs(layer, 100 * layer.InputSize);
        _outputs = new float[100 * layer.Units];

        for (int step = 0; step < 3; step++)
        {
            Step();
            Reference_cell();
            for (int i = 0; i < layer.Units; i++)
            {
                if (Math.Abs(_output[i] - _referenceState[i]) > 1e-5f)
                {
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{typeof(TModel).Name}, step {step}: Step gave h[{i}] = {_output[i]:R}, the reference cell {_referenceState[i]:R}."));
                }
            }
        }
    }

    /// <summary>The generated Step: the original-form lane kernel.</summary>
    [Benchmark(Baseline = true)]
    public void Step() => _model.Step(_input, ref _state, _output);

    /// <summary>The generated Run over 100 steps (inputs projected ahead); time per step.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public void Run_T100() => _model.Run(_inputs, ref _state, _outputs);

    /// <summary>The scalar reference cell on the canonical layout: what generated code ran for this form before.</summary>
    [Benchmark]
    public void Reference_cell() => _reference.Step(_input, _referenceState, _referenceScratch);

    /// <summary>The reset-after GRU of the same size, generated Step.</summary>
    [Benchmark]
    public void ResetAfter_Step() => _resetAfter.Step(_input, ref _resetAfterState, _output);
}

// Four type arguments are more than [GenericTypeArguments] takes: one small class per size instead.
[MemoryDiagnoser] public class ResetBeforeGru8x32 : ResetBeforeGruBenchmarks<GruResetBefore8x32, GruResetBefore8x32.State, Gru8x32, Gru8x32.State>;
[MemoryDiagnoser] public class ResetBeforeGru64x128 : ResetBeforeGruBenchmarks<GruResetBefore64x128, GruResetBefore64x128.State, Gru64x128, Gru64x128.State>;

[RnnModel(inputSize: 8)][Gru(32, ResetAfter = false, ReturnSequences = true)] public partial struct GruResetBefore8x32 : IBenchModel<GruResetBefore8x32, GruResetBefore8x32.State>;
[RnnModel(inputSize: 64)][Gru(128, ResetAfter = false, ReturnSequences = true)] public partial struct GruResetBefore64x128 : IBenchModel<GruResetBefore64x128, GruResetBefore64x128.State>;
