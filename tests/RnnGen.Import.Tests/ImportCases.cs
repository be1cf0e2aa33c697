namespace RnnGen.Import.Tests;

/// <summary>Each test file with the generated model that runs it, its expected declaration, and whether it has GuitarML's skip.</summary>
internal sealed record ImportCase(string File, string Declaration, Func<byte[], WeightLayout, Func<float[], int, float[]>> Load, int Skip = 0, bool KerasOnly = false)
{
    public string Name => Path.GetFileNameWithoutExtension(File);

    public static readonly ImportCase[] All =
    {
        new("pytorch_lstm_linear.safetensors", "[RnnModel(inputSize: 3)]\n[Lstm(8, ReturnSequences = true)]\n[Dense(2)]\n",
            (f, l) => { var m = PyTorchLstmLinear.FromSafetensors(f, l); return (x, t) => { var s = new PyTorchLstmLinear.State(); var y = new float[PyTorchLstmLinear.OutputLength(t)]; m.Run(x, ref s, y); return y; }; }),
        new("guitarml_gru.json", "[RnnModel(inputSize: 2, Skip = 1)]\n[Gru(6, ReturnSequences = true)]\n[Dense(1)]\n",
            (f, l) => { var m = GuitarMlGru.FromSafetensors(f, l); return (x, t) => { var s = new GuitarMlGru.State(); var y = new float[GuitarMlGru.OutputLength(t)]; m.Run(x, ref s, y); return y; }; },
            Skip: 0), // the generated model adds the skip itself
        new("keras2_lstm_gru_dense.h5", "[RnnModel(inputSize: 4)]\n[Lstm(8, ReturnSequences = true)]\n[Gru(5)]\n[Dense(3, Activation = Activation.Softmax)]\n",
            (f, l) => { var m = Keras2LstmGruDense.FromSafetensors(f, l); return (x, t) => { var s = new Keras2LstmGruDense.State(); var y = new float[Keras2LstmGruDense.OutputLength(t)]; m.Run(x, ref s, y); return y; }; }),
        new("keras2_functional.h5", "[RnnModel(inputSize: 4)]\n[Lstm(8, ReturnSequences = true)]\n[Gru(5)]\n[Dense(3, Activation = Activation.Softmax)]\n",
            (f, l) => { var m = Keras2LstmGruDense.FromSafetensors(f, l); return (x, t) => { var s = new Keras2LstmGruDense.State(); var y = new float[Keras2LstmGruDense.OutputLength(t)]; m.Run(x, ref s, y); return y; }; }),
        new("keras2_bidirectional.h5", "[RnnModel(inputSize: 3)]\n[Lstm(4, ReturnSequences = true, Direction = Direction.Bidirectional)]\n[Dense(2)]\n",
            (f, l) => { var m = Keras2Bidirectional.FromSafetensors(f, l); return (x, t) => { var s = new Keras2Bidirectional.State(); var y = new float[Keras2Bidirectional.OutputLength(t)]; m.Run(x, ref s, y); return y; }; }),
        new("keras2_bidirectional_v2_headers.h5", "[RnnModel(inputSize: 3)]\n[Lstm(4, ReturnSequences = true, Direction = Direction.Bidirectional)]\n[Dense(2)]\n",
            (f, l) => { var m = Keras2Bidirectional.FromSafetensors(f, l); return (x, t) => { var s = new Keras2Bidirectional.State(); var y = new float[Keras2Bidirectional.OutputLength(t)]; m.Run(x, ref s, y); return y; }; }),
        new("keras3_rnn_gru_dense.keras", "[RnnModel(inputSize: 2)]\n[SimpleRnn(6, ReturnSequences = true)]\n[Gru(4)]\n[Dense(2, Activation = Activation.Relu)]\n",
            (f, l) => { var m = Keras3RnnGruDense.FromSafetensors(f, l); return (x, t) => { var s = new Keras3RnnGruDense.State(); var y = new float[Keras3RnnGruDense.OutputLength(t)]; m.Run(x, ref s, y); return y; }; }),
        new("rtneural_gru_dense.json", "[RnnModel(inputSize: 1)]\n[Gru(8, ReturnSequences = true)]\n[Dense(4, Activation = Activation.Tanh)]\n[Dense(1, Activation = Activation.Sigmoid)]\n",
            (f, l) => { var m = RtNeuralGruDense.FromSafetensors(f, l); return (x, t) => { var s = new RtNeuralGruDense.State(); var y = new float[RtNeuralGruDense.OutputLength(t)]; m.Run(x, ref s, y); return y; }; }),
        new("onnx_lstm_linear.onnx", "[RnnModel(inputSize: 3)]\n[Lstm(8, ReturnSequences = true)]\n[Dense(2)]\n",
            (f, l) => { var m = OnnxLstmLinear.FromSafetensors(f, l); return (x, t) => { var s = new OnnxLstmLinear.State(); var y = new float[OnnxLstmLinear.OutputLength(t)]; m.Run(x, ref s, y); return y; }; }),
        new("onnx_gru_last.onnx", "[RnnModel(inputSize: 4)]\n[Gru(6)]\n[Dense(3)]\n",
            (f, l) => { var m = OnnxGruLast.FromSafetensors(f, l); return (x, t) => { var s = new OnnxGruLast.State(); var y = new float[OnnxGruLast.OutputLength(t)]; m.Run(x, ref s, y); return y; }; }),
        new("onnx_bilstm.onnx", "[RnnModel(inputSize: 2)]\n[Lstm(5, ReturnSequences = true, Direction = Direction.Bidirectional)]\n[Dense(2)]\n",
            (f, l) => { var m = OnnxBiLstm.FromSafetensors(f, l); return (x, t) => { var s = new OnnxBiLstm.State(); var y = new float[OnnxBiLstm.OutputLength(t)]; m.Run(x, ref s, y); return y; }; }),
        new("onnx_lstm_reverse_hardsigmoid.onnx", "[RnnModel(inputSize: 3)]\n[Lstm(5, RecurrentActivation = Activation.HardSigmoid, Direction = Direction.Backward)]\n[Dense(2)]\n",
            (f, l) => { var m = OnnxLstmReverseHardSigmoid.FromSafetensors(f, l); return (x, t) => { var s = new OnnxLstmReverseHardSigmoid.State(); var y = new float[OnnxLstmReverseHardSigmoid.OutputLength(t)]; m.Run(x, ref s, y); return y; }; }),
        new("onnx_gru_slice_last.onnx", "[RnnModel(inputSize: 3)]\n[Gru(5)]\n[Dense(2)]\n",
            (f, l) => { var m = OnnxGruSliceLast.FromSafetensors(f, l); return (x, t) => { var s = new OnnxGruSliceLast.State(); var y = new float[OnnxGruSliceLast.OutputLength(t)]; m.Run(x, ref s, y); return y; }; }),
        new("onnx_gru_reset_before.onnx", "[RnnModel(inputSize: 3)]\n[Gru(5, ResetAfter = false)]\n[Dense(2)]\n",
            (f, l) => { var m = OnnxGruResetBefore.FromSafetensors(f, l); return (x, t) => { var s = new OnnxGruResetBefore.State(); var y = new float[OnnxGruResetBefore.OutputLength(t)]; m.Run(x, ref s, y); return y; }; },
            KerasOnly: true),
    };

    public static ImportCase Get(string name) => All.Single(c => c.Name == name);

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });
}
