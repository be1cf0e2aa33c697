using System;
using RnnGen.Kernels;

namespace RnnGen.Benchmarks;

// One generated model per kind × size. ReturnSequences = true so Run outputs every step, as ONNX Runtime's Y does.
// The models are partial structs only so that the generic benchmark classes are compiled once per model (the JIT
// shares generic code over classes and would call Step through an interface); a struct model's Step is the same
// generated code as a class model's. The sizes must match SIZES in benchmarks/models/make_onnx.py.

/// <summary>What the generic benchmarks need from a generated model; the generated members implement it.</summary>
public interface IBenchModel<TSelf, TState>
    where TSelf : struct, IBenchModel<TSelf, TState>
    where TState : struct
{
    static abstract ReadOnlySpan<LayerShape> LayerShapes { get; }

    static abstract TSelf FromParameters(ReadOnlySpan<float> parameters, WeightLayout layout);

    static abstract TSelf FromParameters(ReadOnlySpan<float> parameters, WeightLayout layout, VectorPath path);

    VectorPath VectorPath { get; }

    void Step(ReadOnlySpan<float> input, ref TState state, Span<float> output);

    void Run(ReadOnlySpan<float> inputs, ref TState state, Span<float> outputs);
}

/// <summary>How every benchmark makes its model: the benchmark weights, on RNNGEN_BENCH_PATH's vector path when set.</summary>
public static class BenchModels
{
    public static TModel Create<TModel, TState>()
        where TModel : struct, IBenchModel<TModel, TState>
        where TState : struct
    {
        float[] parameters = BenchWeights.PyTorchParameters(TModel.LayerShapes[0]);
        // RNNGEN_BENCH_PATH=Vector256 (say) measures one path against another; unset, the model takes its default.
        return Environment.GetEnvironmentVariable("RNNGEN_BENCH_PATH") is { Length: > 0 } forced
            ? TModel.FromParameters(parameters, WeightLayout.PyTorch, Enum.Parse<VectorPath>(forced))
            : TModel.FromParameters(parameters, WeightLayout.PyTorch);
    }
}

[RnnModel(inputSize: 5)][Lstm(2, ReturnSequences = true)] public partial struct Lstm5x2 : IBenchModel<Lstm5x2, Lstm5x2.State>;
[RnnModel(inputSize: 1)][Lstm(16, ReturnSequences = true)] public partial struct Lstm1x16 : IBenchModel<Lstm1x16, Lstm1x16.State>;
[RnnModel(inputSize: 1)][Lstm(40, ReturnSequences = true)] public partial struct Lstm1x40 : IBenchModel<Lstm1x40, Lstm1x40.State>;
[RnnModel(inputSize: 8)][Lstm(32, ReturnSequences = true)] public partial struct Lstm8x32 : IBenchModel<Lstm8x32, Lstm8x32.State>;
[RnnModel(inputSize: 64)][Lstm(128, ReturnSequences = true)] public partial struct Lstm64x128 : IBenchModel<Lstm64x128, Lstm64x128.State>;
[RnnModel(inputSize: 128)][Lstm(256, ReturnSequences = true)] public partial struct Lstm128x256 : IBenchModel<Lstm128x256, Lstm128x256.State>;

[RnnModel(inputSize: 5)][Gru(2, ReturnSequences = true)] public partial struct Gru5x2 : IBenchModel<Gru5x2, Gru5x2.State>;
[RnnModel(inputSize: 1)][Gru(16, ReturnSequences = true)] public partial struct Gru1x16 : IBenchModel<Gru1x16, Gru1x16.State>;
[RnnModel(inputSize: 1)][Gru(40, ReturnSequences = true)] public partial struct Gru1x40 : IBenchModel<Gru1x40, Gru1x40.State>;
[RnnModel(inputSize: 8)][Gru(32, ReturnSequences = true)] public partial struct Gru8x32 : IBenchModel<Gru8x32, Gru8x32.State>;
[RnnModel(inputSize: 64)][Gru(128, ReturnSequences = true)] public partial struct Gru64x128 : IBenchModel<Gru64x128, Gru64x128.State>;
[RnnModel(inputSize: 128)][Gru(256, ReturnSequences = true)] public partial struct Gru128x256 : IBenchModel<Gru128x256, Gru128x256.State>;

[RnnModel(inputSize: 5)][SimpleRnn(2, ReturnSequences = true)] public partial struct SimpleRnn5x2 : IBenchModel<SimpleRnn5x2, SimpleRnn5x2.State>;
[RnnModel(inputSize: 1)][SimpleRnn(16, ReturnSequences = true)] public partial struct SimpleRnn1x16 : IBenchModel<SimpleRnn1x16, SimpleRnn1x16.State>;
[RnnModel(inputSize: 1)][SimpleRnn(40, ReturnSequences = true)] public partial struct SimpleRnn1x40 : IBenchModel<SimpleRnn1x40, SimpleRnn1x40.State>;
[RnnModel(inputSize: 8)][SimpleRnn(32, ReturnSequences = true)] public partial struct SimpleRnn8x32 : IBenchModel<SimpleRnn8x32, SimpleRnn8x32.State>;
[RnnModel(inputSize: 64)][SimpleRnn(128, ReturnSequences = true)] public partial struct SimpleRnn64x128 : IBenchModel<SimpleRnn64x128, SimpleRnn64x128.State>;
[RnnModel(inputSize: 128)][SimpleRnn(256, ReturnSequences = true)] public partial struct SimpleRnn128x256 : IBenchModel<SimpleRnn128x256, SimpleRnn128x256.State>;
