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
