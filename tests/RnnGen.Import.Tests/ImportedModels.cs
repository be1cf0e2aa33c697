namespace RnnGen.Import.Tests;

// The declarations rnngen prints for each test file (DeclarationTests checks the printed text against these).

[RnnModel(inputSize: 3)]
[Lstm(8, ReturnSequences = true)]
[Dense(2)]
internal partial class PyTorchLstmLinear;

[RnnModel(inputSize: 2, Skip = 1)]
[Gru(6, ReturnSequences = true)]
[Dense(1)]
internal partial class GuitarMlGru;

[RnnModel(inputSize: 4)]
[Lstm(8, ReturnSequences = true)]
[Gru(5)]
[Dense(3, Activation = Activation.Softmax)]
internal partial class Keras2LstmGruDense;

[RnnModel(inputSize: 3)]
[Lstm(4, ReturnSequences = true, Direction = Direction.Bidirectional)]
[Dense(2)]
internal partial class Keras2Bidirectional;

[RnnModel(inputSize: 2)]
[SimpleRnn(6, ReturnSequences = true)]
[Gru(4)]
[Dense(2, Activation = Activation.Relu)]
internal partial class Keras3RnnGruDense;

[RnnModel(inputSize: 1)]
[Gru(8, ReturnSequences = true)]
[Dense(4, Activation = Activation.Tanh)]
[Dense(1, Activation = Activation.Sigmoid)]
internal partial class RtNeuralGruDense;

[RnnModel(inputSize: 3)]
[Lstm(8, ReturnSequences = true)]
[Dense(2)]
internal partial class OnnxLstmLinear;

[RnnModel(inputSize: 4)]
[Gru(6)]
[Dense(3)]
internal partial class OnnxGruLast;

[RnnModel(inputSize: 2)]
[Lstm(5, ReturnSequences = true, Direction = Direction.Bidirectional)]
[Dense(2)]
internal partial class OnnxBiLstm;

// A hand-built ONNX LSTM, direction reverse, HardSigmoid(0.2, 0.5) gates, final state into a Gemm.
[RnnModel(inputSize: 3)]
[Lstm(5, RecurrentActivation = Activation.HardSigmoid, Direction = Direction.Backward)]
[Dense(2)]
internal partial class OnnxLstmReverseHardSigmoid;

// A hand-built ONNX GRU whose sequence is cut to its last step by Slice on the time axis.
[RnnModel(inputSize: 3)]
[Gru(5)]
[Dense(2)]
internal partial class OnnxGruSliceLast;

// A hand-built ONNX GRU with linear_before_reset = 0: Keras layout only (PyTorch has no such GRU).
[RnnModel(inputSize: 3)]
[Gru(5, ResetAfter = false)]
[Dense(2)]
internal partial class OnnxGruResetBefore;

// neuralpi_TS9.json (read from ../shared/models, never committed).
[RnnModel(inputSize: 2, Skip = 1)]
[Lstm(20, ReturnSequences = true)]
[Dense(1)]
internal partial class Ts9;

// neuralpi_BluesJR_FullD.json (read from ../shared/models, never committed).
[RnnModel(inputSize: 1, Skip = 1)]
[Lstm(20, ReturnSequences = true)]
[Dense(1)]
internal partial class BluesJr;

// Files written the way real exporters write them (tools/import/make_exporter_cases.py, rtneural_keras_export.mjs).

// save_file(nn.LSTM(8, 32).state_dict()): no module prefix.
[RnnModel(inputSize: 8)]
[Lstm(32, ReturnSequences = true)]
internal partial class BareLstm;

// A bare nn.GRU(3, 6, num_layers=2).
[RnnModel(inputSize: 3)]
[Gru(6, ReturnSequences = true)]
[Gru(6, ReturnSequences = true)]
internal partial class BareGruTwoLayers;

// A bare nn.RNN(4, 5, bias=False).
[RnnModel(inputSize: 4)]
[SimpleRnn(5, UseBias = false, ReturnSequences = true)]
internal partial class BareRnnNobias;

// A bare nn.LSTM(3, 4, bidirectional=True).
[RnnModel(inputSize: 3)]
[Lstm(4, ReturnSequences = true, Direction = Direction.Bidirectional)]
internal partial class BareLstmBidir;

// A bare nn.GRU(2, 3, num_layers=2, bidirectional=True, bias=False).
[RnnModel(inputSize: 2)]
[Gru(3, UseBias = false, ReturnSequences = true, Direction = Direction.Bidirectional)]
[Gru(3, UseBias = false, ReturnSequences = true, Direction = Direction.Bidirectional)]
internal partial class BareGruBidirTwoLayersNobias;

// A bare nn.Linear(5, 3): a model without recurrent layers.
[RnnModel(inputSize: 5)]
[Dense(3)]
internal partial class BareLinear;

// json.dump of a state_dict: lstm, lstm2 (num_layers=3), dense.
[RnnModel(inputSize: 1)]
[Lstm(16, ReturnSequences = true)]
[Lstm(12, ReturnSequences = true)]
[Lstm(12, ReturnSequences = true)]
[Lstm(12, ReturnSequences = true)]
[Dense(1)]
internal partial class TorchJsonLstmStack;

// json.dump of a state_dict: gru, fc.
[RnnModel(inputSize: 2)]
[Gru(8, ReturnSequences = true)]
[Dense(3)]
internal partial class TorchJsonGruFc;

// Sizes chain two ways (z_first and a_second are both 8 → 8): the file's order decides, --order overrides.
[RnnModel(inputSize: 4)]
[Gru(8, ReturnSequences = true)]
[Dense(8)]
[Dense(8)]
[Dense(2)]
internal partial class TorchJsonOrder;

// NeuralAmpModelerCore's example_models/lstm.nam (MIT): a real NAM 0.5.4 file.
[RnnModel(inputSize: 1)]
[Lstm(3, ReturnSequences = true, LearnedInitialState = true)]
[Dense(1)]
internal partial class NamLstm;

// NAM's LSTM layout, two layers.
[RnnModel(inputSize: 1)]
[Lstm(8, ReturnSequences = true, LearnedInitialState = true)]
[Lstm(8, ReturnSequences = true, LearnedInitialState = true)]
[Dense(1)]
internal partial class NamLstmTwoLayers;

// NAM's LSTM layout, three layers, a knob input beside the audio.
[RnnModel(inputSize: 2)]
[Lstm(5, ReturnSequences = true, LearnedInitialState = true)]
[Lstm(5, ReturnSequences = true, LearnedInitialState = true)]
[Lstm(5, ReturnSequences = true, LearnedInitialState = true)]
[Dense(1)]
internal partial class NamLstmThreeLayersIn2;

// RTNeural's model_utils_torch.py export of an LSTM + Linear.
[RnnModel(inputSize: 1)]
[Lstm(8, ReturnSequences = true)]
[Dense(1)]
internal partial class RtNeuralTorchLstm;

// RTNeural's model_utils_torch.py export of a GRU + Linear.
[RnnModel(inputSize: 1)]
[Gru(8, ReturnSequences = true)]
[Dense(1)]
internal partial class RtNeuralTorchGru;

// RTNeural's Keras exporter: time-distributed-dense → lstm → dense.
[RnnModel(inputSize: 1)]
[Dense(8)]
[Lstm(16, ReturnSequences = true)]
[Dense(1)]
internal partial class RtNeuralTdDenseLstm;

// RTNeural's Keras exporter on a TensorFlow.js GRU (reset_after=False, so Keras layout only).
[RnnModel(inputSize: 1)]
[Dense(8, Activation = Activation.Tanh)]
[Gru(12, ReturnSequences = true, ResetAfter = false)]
[Dense(1)]
internal partial class RtNeuralTdDenseGru;

// RTNeural's Keras exporter on a Dense-only model with standalone activation layers (folded here).
[RnnModel(inputSize: 1)]
[Dense(8, Activation = Activation.Tanh)]
[Dense(8, Activation = Activation.Relu, UseBias = false)]
[Dense(8, Activation = Activation.Elu)]
[Dense(6, Activation = Activation.Elu)]
[Dense(6, Activation = Activation.Relu, UseBias = false)]
[Dense(6, Activation = Activation.Tanh)]
[Dense(4, Activation = Activation.Elu)]
[Dense(3, Activation = Activation.Softmax)]
internal partial class RtNeuralDenseStack;

// RTNeural's Keras exporter: an activation layer right after an LSTM stays a layer of its own.
[RnnModel(inputSize: 2)]
[Lstm(6, ReturnSequences = true)]
[ActivationLayer(Activation.Sigmoid)]
[Dense(2, Activation = Activation.Elu)]
internal partial class RtNeuralLstmActivation;

// tf.keras 2.4 .h5: TimeDistributed(Dense), Activation, LeakyReLU layers.
[RnnModel(inputSize: 3)]
[Dense(6, Activation = Activation.Elu)]
[Lstm(8, ReturnSequences = true)]
[ActivationLayer(Activation.Relu)]
[Dense(4, Activation = Activation.LeakyRelu, Alpha = 0.3f)]
[Dense(2, Activation = Activation.Softmax)]
internal partial class Keras2Activations;

// Keras 3 .keras: TimeDistributed(Dense), LeakyReLU(negative_slope), Activation; weights stored by class name.
[RnnModel(inputSize: 2)]
[Dense(5, Activation = Activation.Elu)]
[Gru(6, ResetAfter = false)]
[Dense(4, Activation = Activation.LeakyRelu, Alpha = 0.2f)]
[Dense(3, Activation = Activation.Softmax)]
internal partial class Keras3Activations;
