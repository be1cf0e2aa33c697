using System.Buffers.Binary;
using System.Text;
using RnnGen.Tests.Golden;
using Xunit;

namespace RnnGen.Tests.Weights;

/// <summary>
/// FromSafetensors on files torch wrote for golden models (tools/golden/safetensors_cases.py): the loaded model must be
/// the golden model (same outputs, bit for bit, as FromParameters on the golden weights, and within the golden
/// tolerance of the framework), and every malformed file must fail with a message, not a crash.
/// </summary>
public sealed class SafetensorsTests
{
    [Fact]
    public void A_two_layer_nn_LSTM_loads_both_layers_from_one_module()
    {
        GoldenCase golden = GoldenCase.Load("torch_lstm_13x29_two_layers");
        var fromFile = TorchLstm13x29TwoLayers.FromSafetensors(Read("torch_lstm_13x29_two_layers.safetensors"), WeightLayout.PyTorch);
        var fromParameters = TorchLstm13x29TwoLayers.FromParameters(golden.Parameters, WeightLayout.PyTorch);

        AssertSameModel(golden, inputs => Run(fromFile, inputs), inputs => Run(fromParameters, inputs));
    }

    [Fact]
    public void A_module_saved_on_its_own_loads_without_a_module_prefix()
    {
        // save_file(lstm.state_dict()) of a bare nn.LSTM: weight_ih_l0, weight_hh_l0, ..., bias_hh_l1.
        GoldenCase golden = GoldenCase.Load("torch_lstm_13x29_two_layers");
        var fromFile = TorchLstm13x29TwoLayers.FromSafetensors(Read("torch_lstm_13x29_two_layers_bare.safetensors"), WeightLayout.PyTorch);
        var fromParameters = TorchLstm13x29TwoLayers.FromParameters(golden.Parameters, WeightLayout.PyTorch);

        AssertSameModel(golden, inputs => Run(fromFile, inputs), inputs => Run(fromParameters, inputs));
    }

    [Fact]
    public void Learned_initial_states_load_by_name_and_new_streams_start_from_them()
    {
        GoldenCase golden = GoldenCase.Load("torch_lstm_1x8_learned_state");
        var fromFile = TorchLstm1x8LearnedState.FromSafetensors(Read("torch_lstm_1x8_learned_state.safetensors"), WeightLayout.PyTorch);
        var fromParameters = TorchLstm1x8LearnedState.FromParameters(golden.Parameters, WeightLayout.PyTorch);

        AssertSameModel(golden, inputs => Run(fromFile, inputs), inputs => Run(fromParameters, inputs));
        TorchLstm1x8LearnedState.State learned = fromFile.NewState();
        Assert.Contains(learned.Hidden(0).ToArray(), value => value != 0f);
        Assert.Contains(learned.Cell(1).ToArray(), value => value != 0f);
        Assert.All(default(TorchLstm1x8LearnedState.State).Hidden(0).ToArray(), value => Assert.Equal(0f, value));
    }

    [Fact]
    public void A_file_without_the_declared_learned_state_names_the_missing_tensor()
    {
        byte[] file = Read("torch_lstm_13x29_two_layers.safetensors");

        var error = Assert.Throws<ArgumentException>(() => Lstm13x29LearnedState.FromSafetensors(file, WeightLayout.PyTorch));

        Assert.Contains("'lstm.initial_h_l0' is missing (expected [29])", error.Message);
    }

    [Fact]
    public void A_bidirectional_GRU_loads_its_reverse_tensors()
    {
        GoldenCase golden = GoldenCase.Load("torch_gru_13x29_bidir_two_layers");
        var fromFile = TorchGru13x29BidirTwoLayers.FromSafetensors(Read("torch_gru_13x29_bidir_two_layers.safetensors"), WeightLayout.PyTorch);
        var fromParameters = TorchGru13x29BidirTwoLayers.FromParameters(golden.Parameters, WeightLayout.PyTorch);

        AssertSameModel(golden, inputs => Run(fromFile, inputs), inputs => Run(fromParameters, inputs));
    }

    [Fact]
    public void Keras_weight_paths_load_a_bidirectional_layer_and_a_dense_layer()
    {
        GoldenCase golden = GoldenCase.Load("torch_gru_keras_layout_3x7");
        var fromFile = TorchGruKerasLayout3x7.FromSafetensors(Read("torch_gru_keras_layout_3x7_keras_names.safetensors"), WeightLayout.Keras);
        var fromParameters = TorchGruKerasLayout3x7.FromParameters(golden.Parameters, WeightLayout.Keras);

        AssertSameModel(golden, inputs => Run(fromFile, inputs), inputs => Run(fromParameters, inputs));
    }

    [Theory]
    [InlineData("f32")]
    [InlineData("f16")]
    [InlineData("bf16")]
    public void A_prefix_selects_a_submodule_and_half_precision_widens_exactly(string dtype)
    {
        GoldenCase golden = GoldenCase.Load("torch_lstm_8x32_dense_softmax");
        byte[] file = Read($"torch_lstm_8x32_dense_softmax_{dtype}.safetensors");
        var fromFile = TorchLstm8x32DenseSoftmax.FromSafetensors(file, WeightLayout.PyTorch, prefix: "net");
        float[] widened = golden.Parameters.Select(p => dtype switch
        {
            "f16" => (float)(Half)p,
            "bf16" => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(p) & unchecked((int)0xFFFF0000)),
            _ => p,
        }).ToArray();
        var fromParameters = TorchLstm8x32DenseSoftmax.FromParameters(widened, WeightLayout.PyTorch);

        AssertSameModel(golden, inputs => Run(fromFile, inputs), inputs => Run(fromParameters, inputs), checkFramework: dtype == "f32");
    }

    [Fact]
    public void Tensors_no_layer_uses_are_named()
    {
        byte[] file = Read("torch_lstm_8x32_dense_softmax_f32.safetensors");

        var error = Assert.Throws<ArgumentException>(() => TorchLstm8x32DenseSoftmax.FromSafetensors(file, WeightLayout.PyTorch));

        Assert.Contains("'head.weight' [3, 4]", error.Message);
        Assert.Contains("prefix", error.Message);
    }

    [Fact]
    public void A_model_declared_with_other_sizes_names_the_tensor_and_both_shapes()
    {
        byte[] file = Read("torch_lstm_13x29_two_layers.safetensors");

        var error = Assert.Throws<ArgumentException>(() => Lstm13x30.FromSafetensors(file, WeightLayout.PyTorch));

        Assert.Contains("layer 0", error.Message);
        Assert.Contains("'lstm.weight_ih_l0' has shape [116, 13], the layer needs [120, 13]", error.Message);
    }

    [Fact]
    public void A_missing_bias_is_named()
    {
        byte[] file = Write(("rnn.weight_ih_l0", [8, 3], "F32"), ("rnn.weight_hh_l0", [8, 2], "F32"), ("rnn.bias_ih_l0", [8], "F32"));

        var error = Assert.Throws<ArgumentException>(() => Lstm3x2.FromSafetensors(file, WeightLayout.PyTorch));

        Assert.Contains("'rnn.bias_hh_l0' is missing (expected [8])", error.Message);
    }

    [Fact]
    public void Unsupported_dtypes_and_the_Onnx_layout_are_refused_with_a_reason()
    {
        byte[] integers = Write(("rnn.weight_ih_l0", [8, 3], "I64"));

        Assert.Contains("dtype I64", Assert.Throws<FormatException>(() => Lstm3x2.FromSafetensors(integers, WeightLayout.PyTorch)).Message);
        Assert.Contains("ONNX", Assert.Throws<ArgumentException>(() => Lstm3x2.FromSafetensors(Read("torch_lstm_13x29_two_layers.safetensors"), WeightLayout.Onnx)).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(100)]
    [InlineData(-1)]
    public void Truncated_files_are_format_errors(int keep)
    {
        byte[] file = Read("torch_lstm_13x29_two_layers.safetensors");
        byte[] cut = file.AsSpan(0, keep >= 0 ? keep : file.Length - 1).ToArray();

        var error = Assert.Throws<FormatException>(() => TorchLstm13x29TwoLayers.FromSafetensors(cut, WeightLayout.PyTorch));

        Assert.StartsWith("safetensors: ", error.Message);
    }

    [Fact]
    public void A_header_that_claims_more_bytes_than_the_file_has_is_refused_before_reading()
    {
        byte[] file = Read("torch_lstm_13x29_two_layers.safetensors");
        BinaryPrimitives.WriteUInt64LittleEndian(file, ulong.MaxValue / 2);

        Assert.Contains("header says it is", Assert.Throws<FormatException>(() => TorchLstm13x29TwoLayers.FromSafetensors(file, WeightLayout.PyTorch)).Message);
    }

    [Fact]
    public void Offsets_that_lie_are_refused()
    {
        byte[] file = Assemble("{\"rnn.weight_ih_l0\":{\"dtype\":\"F32\",\"shape\":[8,3],\"data_offsets\":[0,99999999]}}", dataBytes: 96);

        Assert.Contains("outside the 96 data bytes", Assert.Throws<FormatException>(() => Lstm3x2.FromSafetensors(file, WeightLayout.PyTorch)).Message);
    }

    /// <summary>Mutated copies of a real file (flipped bytes, cut lengths): a FormatException or ArgumentException every time.</summary>
    [Fact]
    public void Mutated_files_fail_with_a_message_and_nothing_else()
    {
        byte[] original = Read("torch_gru_keras_layout_3x7_keras_names.safetensors");
        int headerEnd = 8 + (int)BinaryPrimitives.ReadUInt64LittleEndian(original);
        var random = new Random(20261128);
        int failures = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            byte[] file = (byte[])original.Clone();
            int flips = random.Next(1, 4);
            for (int f = 0; f < flips; f++)
            {
                // Mostly the header, where the structure is; sometimes the data or the length.
                int at = random.Next(4) switch { 0 => random.Next(8), 1 => random.Next(file.Length), _ => random.Next(8, headerEnd) };
                file[at] = (byte)random.Next(256);
            }

            if (random.Next(5) == 0)
            {
                file = file.AsSpan(0, random.Next(file.Length)).ToArray();
            }

            try
            {
                TorchGruKerasLayout3x7.FromSafetensors(file, WeightLayout.Keras);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                failures++;
            }
        }

        Assert.True(failures > 1000, $"only {failures} of 3000 mutations were refused: the mutations are not reaching the header");
    }

    private static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Weights", "Data", name));

    /// <summary>A small safetensors file with zero-filled tensors (for error cases only).</summary>
    private static byte[] Write(params (string Name, int[] Shape, string DType)[] tensors)
    {
        var header = new StringBuilder("{");
        long offset = 0;
        foreach ((string name, int[] shape, string dtype) in tensors)
        {
            long bytes = shape.Aggregate(1L, (a, b) => a * b) * (dtype is "F16" or "BF16" ? 2 : dtype == "F32" ? 4 : 8);
            header.Append(header.Length > 1 ? "," : string.Empty)
                .Append($"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{offset},{offset + bytes}]}}");
            offset += bytes;
        }

        return Assemble(header.Append('}').ToString(), offset);
    }

    /// <summary>Length, header and zero-filled data.</summary>
    private static byte[] Assemble(string header, long dataBytes)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        var file = new byte[8 + json.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)json.Length);
        json.CopyTo(file, 8);
        return file;
    }

    private static void AssertSameModel(GoldenCase golden, Func<float[], float[]> fromFile, Func<float[], float[]> fromParameters, bool checkFramework = true)
    {
        foreach (GoldenRun run in golden.Runs)
        {
            float[] loaded = fromFile(run.Inputs);
            Assert.Equal(fromParameters(run.Inputs), loaded);
            if (checkFramework && run.InitialStates.Count == 0)
            {
                float worst = loaded.Zip(run.Outputs, (a, b) => Math.Abs(a - b)).Max();
                Assert.True(worst <= GoldenComparison.Tolerance, $"{golden.Name}: max |error| {worst} against {golden.Framework}");
            }
        }
    }

    private static float[] Run(TorchLstm13x29TwoLayers model, float[] inputs) => RunWith(inputs, 13, TorchLstm13x29TwoLayers.OutputLength, (i, o) => { var s = new TorchLstm13x29TwoLayers.State(); model.Run(i, ref s, o); });

    private static float[] Run(TorchGru13x29BidirTwoLayers model, float[] inputs) => RunWith(inputs, 13, TorchGru13x29BidirTwoLayers.OutputLength, (i, o) => { var s = new TorchGru13x29BidirTwoLayers.State(); model.Run(i, ref s, o); });

    private static float[] Run(TorchGruKerasLayout3x7 model, float[] inputs) => RunWith(inputs, 3, TorchGruKerasLayout3x7.OutputLength, (i, o) => { var s = new TorchGruKerasLayout3x7.State(); model.Run(i, ref s, o); });

    private static float[] Run(TorchLstm1x8LearnedState model, float[] inputs) => RunWith(inputs, 1, TorchLstm1x8LearnedState.OutputLength, (i, o) => { var s = model.NewState(); model.Run(i, ref s, o); });

    private static float[] Run(TorchLstm8x32DenseSoftmax model, float[] inputs) => RunWith(inputs, 8, TorchLstm8x32DenseSoftmax.OutputLength, (i, o) => { var s = new TorchLstm8x32DenseSoftmax.State(); model.Run(i, ref s, o); });

    private static float[] RunWith(float[] inputs, int inputSize, Func<int, int> outputLength, Action<float[], float[]> run)
    {
        var outputs = new float[outputLength(inputs.Length / inputSize)];
        run(inputs, outputs);
        return outputs;
    }
}

[RnnModel(inputSize: 13)]
[Lstm(30, ReturnSequences = true)]
[Lstm(29, ReturnSequences = true)]
internal partial class Lstm13x30;

[RnnModel(inputSize: 3)]
[Lstm(2)]
internal partial class Lstm3x2;

[RnnModel(inputSize: 13)]
[Lstm(29, ReturnSequences = true, LearnedInitialState = true)]
[Lstm(29, ReturnSequences = true)]
internal partial class Lstm13x29LearnedState;
