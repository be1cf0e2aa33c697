using RnnGen.Kernels;
using RnnGen.Tests.Golden;
using Xunit;

namespace RnnGen.Tests.Weights;

/// <summary>
/// Models whose weights this project bakes in at build time ([RnnModel(Weights = …)] with the files in AdditionalFiles
/// and RnnGen.Weights.targets imported, through a real <c>dotnet build</c>): <c>Default</c> must be the model
/// FromSafetensors loads from the same file at run time, bit for bit, and so match the framework's golden outputs.
/// </summary>
public sealed class BakedWeightsTests
{
    [Fact]
    public void A_baked_two_layer_LSTM_is_the_model_FromSafetensors_loads()
    {
        GoldenCase golden = GoldenCase.Load("torch_lstm_13x29_two_layers");
        var loaded = BakedLstm13x29.FromSafetensors(Read("torch_lstm_13x29_two_layers.safetensors"), WeightLayout.PyTorch);

        AssertSameModel(golden, 13, BakedLstm13x29.OutputLength, (i, o) => Run(BakedLstm13x29.Default, i, o), (i, o) => Run(loaded, i, o));
    }

    [Fact]
    public void A_baked_bidirectional_GRU_is_the_model_FromSafetensors_loads()
    {
        GoldenCase golden = GoldenCase.Load("torch_gru_13x29_bidir_two_layers");
        var loaded = BakedGru13x29Bidirectional.FromSafetensors(Read("torch_gru_13x29_bidir_two_layers.safetensors"), WeightLayout.PyTorch);

        AssertSameModel(golden, 13, BakedGru13x29Bidirectional.OutputLength, (i, o) => Run(BakedGru13x29Bidirectional.Default, i, o), (i, o) => Run(loaded, i, o));
    }

    [Fact]
    public void Keras_weight_paths_bake_a_bidirectional_GRU_and_a_dense_layer()
    {
        GoldenCase golden = GoldenCase.Load("torch_gru_keras_layout_3x7");
        var loaded = BakedKerasGru3x7.FromSafetensors(Read("torch_gru_keras_layout_3x7_keras_names.safetensors"), WeightLayout.Keras);

        AssertSameModel(golden, 3, BakedKerasGru3x7.OutputLength, (i, o) => Run(BakedKerasGru3x7.Default, i, o), (i, o) => Run(loaded, i, o));
    }

    [Fact]
    public void Default_is_built_once_on_the_best_vector_path()
    {
        Assert.Same(BakedLstm13x29.Default, BakedLstm13x29.Default);
        Assert.Equal(VectorPaths.Best, BakedLstm13x29.Default.VectorPath);
    }

    private static void Run(BakedLstm13x29 model, float[] inputs, float[] outputs)
    {
        var state = new BakedLstm13x29.State();
        model.Run(inputs, ref state, outputs);
    }

    private static void Run(BakedGru13x29Bidirectional model, float[] inputs, float[] outputs)
    {
        var state = new BakedGru13x29Bidirectional.State();
        model.Run(inputs, ref state, outputs);
    }

    private static void Run(BakedKerasGru3x7 model, float[] inputs, float[] outputs)
    {
        var state = new BakedKerasGru3x7.State();
        model.Run(inputs, ref state, outputs);
    }

    private static void AssertSameModel(GoldenCase golden, int inputSize, Func<int, int> outputLength, Action<float[], float[]> baked, Action<float[], float[]> loaded)
    {
        foreach (GoldenRun run in golden.Runs.Where(r => r.InitialStates.Count == 0))
        {
            var fromBaked = new float[outputLength(run.Inputs.Length / inputSize)];
            var fromLoaded = new float[fromBaked.Length];
            baked(run.Inputs, fromBaked);
            loaded(run.Inputs, fromLoaded);

            Assert.Equal(fromLoaded, fromBaked);
            float worst = fromBaked.Zip(run.Outputs, (a, b) => Math.Abs(a - b)).Max();
            Assert.True(worst <= GoldenComparison.Tolerance, $"{golden.Name}: max |error| {worst} against {golden.Framework}");
        }
    }

    private static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Weights", "Data", name));
}

[RnnModel(inputSize: 13, Weights = "Weights/Data/torch_lstm_13x29_two_layers.safetensors", Layout = WeightLayout.PyTorch)]
[Lstm(29, ReturnSequences = true)]
[Lstm(29, ReturnSequences = true)]
internal partial class BakedLstm13x29;

[RnnModel(inputSize: 13, Weights = "torch_gru_13x29_bidir_two_layers.safetensors", Layout = WeightLayout.PyTorch)]
[Gru(29, ReturnSequences = true, Direction = Direction.Bidirectional)]
[Gru(29, ReturnSequences = true, Direction = Direction.Bidirectional)]
internal partial class BakedGru13x29Bidirectional;

[RnnModel(inputSize: 3, Weights = "torch_gru_keras_layout_3x7_keras_names.safetensors", Layout = WeightLayout.Keras)]
[Gru(7, ReturnSequences = true, Direction = Direction.Bidirectional)]
[Dense(4)]
internal partial class BakedKerasGru3x7;
