// Every golden model that has Step (all recurrent layers Forward; the list of GoldenModels.StepThrough), seen
// through IBatchStepping so the batch tests run on all of them.
using RnnGen.Kernels;
using RnnGen.Tests.Batch;

namespace RnnGen.Tests.Golden;

internal partial class TorchRnnTanh3x7 : IBatchStepping<TorchRnnTanh3x7, TorchRnnTanh3x7.State, TorchRnnTanh3x7.BatchState>;
internal partial class TorchRnnRelu5x2 : IBatchStepping<TorchRnnRelu5x2, TorchRnnRelu5x2.State, TorchRnnRelu5x2.BatchState>;
internal partial class TorchLstm3x7H0 : IBatchStepping<TorchLstm3x7H0, TorchLstm3x7H0.State, TorchLstm3x7H0.BatchState>;
internal partial class TorchLstm13x29TwoLayers : IBatchStepping<TorchLstm13x29TwoLayers, TorchLstm13x29TwoLayers.State, TorchLstm13x29TwoLayers.BatchState>;
internal partial class TorchLstm5x2Long : IBatchStepping<TorchLstm5x2Long, TorchLstm5x2Long.State, TorchLstm5x2Long.BatchState>;
internal partial class TorchLstm64x128 : IBatchStepping<TorchLstm64x128, TorchLstm64x128.State, TorchLstm64x128.BatchState>;
internal partial class TorchGru3x7H0 : IBatchStepping<TorchGru3x7H0, TorchGru3x7H0.State, TorchGru3x7H0.BatchState>;
internal partial class TorchGru3x7Long : IBatchStepping<TorchGru3x7Long, TorchGru3x7Long.State, TorchGru3x7Long.BatchState>;
internal partial class TorchRnn3x7Nobias : IBatchStepping<TorchRnn3x7Nobias, TorchRnn3x7Nobias.State, TorchRnn3x7Nobias.BatchState>;
internal partial class TorchLstm3x7Nobias : IBatchStepping<TorchLstm3x7Nobias, TorchLstm3x7Nobias.State, TorchLstm3x7Nobias.BatchState>;
internal partial class TorchLstm8x32DenseSoftmax : IBatchStepping<TorchLstm8x32DenseSoftmax, TorchLstm8x32DenseSoftmax.State, TorchLstm8x32DenseSoftmax.BatchState>;
internal partial class TorchLstm2x20Skip : IBatchStepping<TorchLstm2x20Skip, TorchLstm2x20Skip.State, TorchLstm2x20Skip.BatchState>;
internal partial class TorchGru3x7DenseLast : IBatchStepping<TorchGru3x7DenseLast, TorchGru3x7DenseLast.State, TorchGru3x7DenseLast.BatchState>;
internal partial class KerasSeedSimpleRnn : IBatchStepping<KerasSeedSimpleRnn, KerasSeedSimpleRnn.State, KerasSeedSimpleRnn.BatchState>;
internal partial class KerasSeedSimpleRnnSeq : IBatchStepping<KerasSeedSimpleRnnSeq, KerasSeedSimpleRnnSeq.State, KerasSeedSimpleRnnSeq.BatchState>;
internal partial class KerasSeedLstmSeqState : IBatchStepping<KerasSeedLstmSeqState, KerasSeedLstmSeqState.State, KerasSeedLstmSeqState.BatchState>;
internal partial class KerasSimpleRnn3x7 : IBatchStepping<KerasSimpleRnn3x7, KerasSimpleRnn3x7.State, KerasSimpleRnn3x7.BatchState>;
internal partial class KerasSimpleRnn5x2Relu : IBatchStepping<KerasSimpleRnn5x2Relu, KerasSimpleRnn5x2Relu.State, KerasSimpleRnn5x2Relu.BatchState>;
internal partial class KerasLstm3x7State : IBatchStepping<KerasLstm3x7State, KerasLstm3x7State.State, KerasLstm3x7State.BatchState>;
internal partial class KerasLstm3x7HardSigmoid : IBatchStepping<KerasLstm3x7HardSigmoid, KerasLstm3x7HardSigmoid.State, KerasLstm3x7HardSigmoid.BatchState>;
internal partial class KerasLstm3x7Nobias : IBatchStepping<KerasLstm3x7Nobias, KerasLstm3x7Nobias.State, KerasLstm3x7Nobias.BatchState>;
internal partial class KerasGru13x29 : IBatchStepping<KerasGru13x29, KerasGru13x29.State, KerasGru13x29.BatchState>;
internal partial class KerasLstm13x29 : IBatchStepping<KerasLstm13x29, KerasLstm13x29.State, KerasLstm13x29.BatchState>;
internal partial class KerasStackRnnLstmSoftmax : IBatchStepping<KerasStackRnnLstmSoftmax, KerasStackRnnLstmSoftmax.State, KerasStackRnnLstmSoftmax.BatchState>;
internal partial class KerasLstm64x128 : IBatchStepping<KerasLstm64x128, KerasLstm64x128.State, KerasLstm64x128.BatchState>;
internal partial class KerasLstm5x2Long : IBatchStepping<KerasLstm5x2Long, KerasLstm5x2Long.State, KerasLstm5x2Long.BatchState>;
internal partial class OnnxRnn3x7 : IBatchStepping<OnnxRnn3x7, OnnxRnn3x7.State, OnnxRnn3x7.BatchState>;
internal partial class OnnxRnn5x2Relu : IBatchStepping<OnnxRnn5x2Relu, OnnxRnn5x2Relu.State, OnnxRnn5x2Relu.BatchState>;
internal partial class OnnxGru13x29Lbr1 : IBatchStepping<OnnxGru13x29Lbr1, OnnxGru13x29Lbr1.State, OnnxGru13x29Lbr1.BatchState>;
internal partial class OnnxGru13x29Lbr0 : IBatchStepping<OnnxGru13x29Lbr0, OnnxGru13x29Lbr0.State, OnnxGru13x29Lbr0.BatchState>;
internal partial class OnnxLstm3x7Nobias : IBatchStepping<OnnxLstm3x7Nobias, OnnxLstm3x7Nobias.State, OnnxLstm3x7Nobias.BatchState>;
internal partial class OnnxLstm3x7GemmSeq : IBatchStepping<OnnxLstm3x7GemmSeq, OnnxLstm3x7GemmSeq.State, OnnxLstm3x7GemmSeq.BatchState>;
internal partial class OnnxLstm3x7GemmLast : IBatchStepping<OnnxLstm3x7GemmLast, OnnxLstm3x7GemmLast.State, OnnxLstm3x7GemmLast.BatchState>;
internal partial class OnnxLstm3x7HardSigmoidKeras3 : IBatchStepping<OnnxLstm3x7HardSigmoidKeras3, OnnxLstm3x7HardSigmoidKeras3.State, OnnxLstm3x7HardSigmoidKeras3.BatchState>;
internal partial class TorchDenseStackEluLeaky : IBatchStepping<TorchDenseStackEluLeaky, TorchDenseStackEluLeaky.State, TorchDenseStackEluLeaky.BatchState>;
internal partial class TorchGru4x6ReluLeakyHead : IBatchStepping<TorchGru4x6ReluLeakyHead, TorchGru4x6ReluLeakyHead.State, TorchGru4x6ReluLeakyHead.BatchState>;
internal partial class TorchLstm1x8LearnedState : IBatchStepping<TorchLstm1x8LearnedState, TorchLstm1x8LearnedState.State, TorchLstm1x8LearnedState.BatchState>;
internal partial class KerasDenseStackActivations : IBatchStepping<KerasDenseStackActivations, KerasDenseStackActivations.State, KerasDenseStackActivations.BatchState>;
internal partial class KerasLstm3x6ActivationLayers : IBatchStepping<KerasLstm3x6ActivationLayers, KerasLstm3x6ActivationLayers.State, KerasLstm3x6ActivationLayers.BatchState>;
internal partial class KerasSimpleRnn3x5EluLast : IBatchStepping<KerasSimpleRnn3x5EluLast, KerasSimpleRnn3x5EluLast.State, KerasSimpleRnn3x5EluLast.BatchState>;

internal static class BatchGoldenModels
{
    /// <summary>Per golden case name: steps N streams of the model both ways (see <see cref="BatchEquivalence"/>).</summary>
    public static readonly IReadOnlyDictionary<string, Action<GoldenCase, VectorPath, int>> Checks = new Dictionary<string, Action<GoldenCase, VectorPath, int>>
    {
        ["torch_rnn_tanh_3x7"] = BatchEquivalence.Check<TorchRnnTanh3x7, TorchRnnTanh3x7.State, TorchRnnTanh3x7.BatchState>,
        ["torch_rnn_relu_5x2"] = BatchEquivalence.Check<TorchRnnRelu5x2, TorchRnnRelu5x2.State, TorchRnnRelu5x2.BatchState>,
        ["torch_lstm_3x7_h0"] = BatchEquivalence.Check<TorchLstm3x7H0, TorchLstm3x7H0.State, TorchLstm3x7H0.BatchState>,
        ["torch_lstm_13x29_two_layers"] = BatchEquivalence.Check<TorchLstm13x29TwoLayers, TorchLstm13x29TwoLayers.State, TorchLstm13x29TwoLayers.BatchState>,
        ["torch_lstm_5x2_long"] = BatchEquivalence.Check<TorchLstm5x2Long, TorchLstm5x2Long.State, TorchLstm5x2Long.BatchState>,
        ["torch_lstm_64x128"] = BatchEquivalence.Check<TorchLstm64x128, TorchLstm64x128.State, TorchLstm64x128.BatchState>,
        ["torch_gru_3x7_h0"] = BatchEquivalence.Check<TorchGru3x7H0, TorchGru3x7H0.State, TorchGru3x7H0.BatchState>,
        ["torch_gru_3x7_long"] = BatchEquivalence.Check<TorchGru3x7Long, TorchGru3x7Long.State, TorchGru3x7Long.BatchState>,
        ["torch_rnn_3x7_nobias"] = BatchEquivalence.Check<TorchRnn3x7Nobias, TorchRnn3x7Nobias.State, TorchRnn3x7Nobias.BatchState>,
        ["torch_lstm_3x7_nobias"] = BatchEquivalence.Check<TorchLstm3x7Nobias, TorchLstm3x7Nobias.State, TorchLstm3x7Nobias.BatchState>,
        ["torch_lstm_8x32_dense_softmax"] = BatchEquivalence.Check<TorchLstm8x32DenseSoftmax, TorchLstm8x32DenseSoftmax.State, TorchLstm8x32DenseSoftmax.BatchState>,
        ["torch_lstm_2x20_skip"] = BatchEquivalence.Check<TorchLstm2x20Skip, TorchLstm2x20Skip.State, TorchLstm2x20Skip.BatchState>,
        ["torch_gru_3x7_dense_last"] = BatchEquivalence.Check<TorchGru3x7DenseLast, TorchGru3x7DenseLast.State, TorchGru3x7DenseLast.BatchState>,
        ["keras_seed_simple_rnn"] = BatchEquivalence.Check<KerasSeedSimpleRnn, KerasSeedSimpleRnn.State, KerasSeedSimpleRnn.BatchState>,
        ["keras_seed_simple_rnn_seq"] = BatchEquivalence.Check<KerasSeedSimpleRnnSeq, KerasSeedSimpleRnnSeq.State, KerasSeedSimpleRnnSeq.BatchState>,
        ["keras_seed_lstm_seq_state"] = BatchEquivalence.Check<KerasSeedLstmSeqState, KerasSeedLstmSeqState.State, KerasSeedLstmSeqState.BatchState>,
        ["keras_simple_rnn_3x7"] = BatchEquivalence.Check<KerasSimpleRnn3x7, KerasSimpleRnn3x7.State, KerasSimpleRnn3x7.BatchState>,
        ["keras_simple_rnn_5x2_relu"] = BatchEquivalence.Check<KerasSimpleRnn5x2Relu, KerasSimpleRnn5x2Relu.State, KerasSimpleRnn5x2Relu.BatchState>,
        ["keras_lstm_3x7_state"] = BatchEquivalence.Check<KerasLstm3x7State, KerasLstm3x7State.State, KerasLstm3x7State.BatchState>,
        ["keras_lstm_3x7_hard_sigmoid"] = BatchEquivalence.Check<KerasLstm3x7HardSigmoid, KerasLstm3x7HardSigmoid.State, KerasLstm3x7HardSigmoid.BatchState>,
        ["keras_lstm_3x7_nobias"] = BatchEquivalence.Check<KerasLstm3x7Nobias, KerasLstm3x7Nobias.State, KerasLstm3x7Nobias.BatchState>,
        ["keras_gru_13x29"] = BatchEquivalence.Check<KerasGru13x29, KerasGru13x29.State, KerasGru13x29.BatchState>,
        ["keras_lstm_13x29"] = BatchEquivalence.Check<KerasLstm13x29, KerasLstm13x29.State, KerasLstm13x29.BatchState>,
        ["keras_stack_rnn_lstm_softmax"] = BatchEquivalence.Check<KerasStackRnnLstmSoftmax, KerasStackRnnLstmSoftmax.State, KerasStackRnnLstmSoftmax.BatchState>,
        ["keras_lstm_64x128"] = BatchEquivalence.Check<KerasLstm64x128, KerasLstm64x128.State, KerasLstm64x128.BatchState>,
        ["keras_lstm_5x2_long"] = BatchEquivalence.Check<KerasLstm5x2Long, KerasLstm5x2Long.State, KerasLstm5x2Long.BatchState>,
        ["onnx_rnn_3x7"] = BatchEquivalence.Check<OnnxRnn3x7, OnnxRnn3x7.State, OnnxRnn3x7.BatchState>,
        ["onnx_rnn_5x2_relu"] = BatchEquivalence.Check<OnnxRnn5x2Relu, OnnxRnn5x2Relu.State, OnnxRnn5x2Relu.BatchState>,
        ["onnx_gru_13x29_lbr1"] = BatchEquivalence.Check<OnnxGru13x29Lbr1, OnnxGru13x29Lbr1.State, OnnxGru13x29Lbr1.BatchState>,
        ["onnx_gru_13x29_lbr0"] = BatchEquivalence.Check<OnnxGru13x29Lbr0, OnnxGru13x29Lbr0.State, OnnxGru13x29Lbr0.BatchState>,
        ["onnx_lstm_3x7_nobias"] = BatchEquivalence.Check<OnnxLstm3x7Nobias, OnnxLstm3x7Nobias.State, OnnxLstm3x7Nobias.BatchState>,
        ["onnx_lstm_3x7_gemm_seq"] = BatchEquivalence.Check<OnnxLstm3x7GemmSeq, OnnxLstm3x7GemmSeq.State, OnnxLstm3x7GemmSeq.BatchState>,
        ["onnx_lstm_3x7_gemm_last"] = BatchEquivalence.Check<OnnxLstm3x7GemmLast, OnnxLstm3x7GemmLast.State, OnnxLstm3x7GemmLast.BatchState>,
        ["onnx_lstm_3x7_hard_sigmoid_keras3"] = BatchEquivalence.Check<OnnxLstm3x7HardSigmoidKeras3, OnnxLstm3x7HardSigmoidKeras3.State, OnnxLstm3x7HardSigmoidKeras3.BatchState>,
        ["torch_dense_stack_elu_leaky"] = BatchEquivalence.Check<TorchDenseStackEluLeaky, TorchDenseStackEluLeaky.State, TorchDenseStackEluLeaky.BatchState>,
        ["torch_gru_4x6_relu_leaky_head"] = BatchEquivalence.Check<TorchGru4x6ReluLeakyHead, TorchGru4x6ReluLeakyHead.State, TorchGru4x6ReluLeakyHead.BatchState>,
        ["torch_lstm_1x8_learned_state"] = BatchEquivalence.Check<TorchLstm1x8LearnedState, TorchLstm1x8LearnedState.State, TorchLstm1x8LearnedState.BatchState>,
        ["keras_dense_stack_activations"] = BatchEquivalence.Check<KerasDenseStackActivations, KerasDenseStackActivations.State, KerasDenseStackActivations.BatchState>,
        ["keras_lstm_3x6_activation_layers"] = BatchEquivalence.Check<KerasLstm3x6ActivationLayers, KerasLstm3x6ActivationLayers.State, KerasLstm3x6ActivationLayers.BatchState>,
        ["keras_simple_rnn_3x5_elu_last"] = BatchEquivalence.Check<KerasSimpleRnn3x5EluLast, KerasSimpleRnn3x5EluLast.State, KerasSimpleRnn3x5EluLast.BatchState>,
    };
}
