"""THE single list of golden cases. Every other script derives from it.

A case is a dict:
  name        snake_case, prefixed torch_ / keras_ / onnx_
  framework   "torch" | "keras" | "onnx"  (who computes the expected values)
  inputSize   features per time step
  layers      RnnGen layers (see SimpleRnn/Lstm/Gru/Dense/Act below), in Sequential order
  runs        list of {"timeSteps": T, "state": bool}  (state=True: random non-zero initial
              state for every recurrent layer and direction) or {"inputs": [[...], ...]} for
              explicit inputs
  weightScale optional: multiply the random/default weights (keeps relu nets from exploding)
  init        optional, keras only: "keras_default" = tfjs default initializers (glorot_uniform,
              orthogonal, zero bias) with fixed seeds, instead of random uniform weights+biases
  quickstart  optional: file name for samples/Quickstart/weights/<name>.f32

Running `python3 cases.py` prints the normalized list as JSON (used by the node scripts).
"""
import json
import sys
import zlib

import numpy as np

REC_KINDS = ("SimpleRnn", "Lstm", "Gru")


def _rec(kind, units, activation="Tanh", recurrentActivation="Sigmoid", useBias=True,
         returnSequences=False, direction="Forward", mergeMode="Concat", resetAfter=True,
         learnedInitialState=False):
    layer = {"kind": kind, "units": units, "activation": activation}
    if kind in ("Lstm", "Gru"):
        layer["recurrentActivation"] = recurrentActivation
    layer["useBias"] = useBias
    layer["returnSequences"] = returnSequences
    layer["direction"] = direction
    layer["mergeMode"] = mergeMode
    if kind == "Gru":
        layer["resetAfter"] = resetAfter
    if learnedInitialState:
        # the weights carry h0 (and LSTM c0) per direction, after the layer's other tensors (RnnGen's layout rule)
        layer["learnedInitialState"] = True
    return layer


def SimpleRnn(units, **kw):
    return _rec("SimpleRnn", units, **kw)


def Lstm(units, **kw):
    return _rec("Lstm", units, **kw)


def Gru(units, **kw):
    return _rec("Gru", units, **kw)


def Dense(units, activation="Linear", useBias=True, alpha=None):
    layer = {"kind": "Dense", "units": units, "activation": activation, "useBias": useBias}
    if alpha is not None:
        layer["alpha"] = alpha
    return layer


def Act(activation, alpha=None):
    """A standalone activation layer (RnnGen [ActivationLayer]): no weights, as wide as its input."""
    layer = {"kind": "Activation", "activation": activation}
    if alpha is not None:
        layer["alpha"] = alpha
    return layer


def R(T, state=False):
    return {"timeSteps": T, "state": state}


BIDIR = "Bidirectional"
BACK = "Backward"
SEED_INPUTS = [[0, 0, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 1]]

CASES = [
    # ---------------------------------------------------------------- PyTorch (layout PyTorch)
    dict(name="torch_rnn_tanh_3x7", framework="torch", inputSize=3,
         layers=[SimpleRnn(7, returnSequences=True)],
         runs=[R(1), R(17, True), R(17)]),
    dict(name="torch_rnn_relu_5x2", framework="torch", inputSize=5, weightScale=0.5,
         layers=[SimpleRnn(2, activation="Relu", returnSequences=True)],
         runs=[R(17, True), R(3)]),
    dict(name="torch_lstm_3x7_h0", framework="torch", inputSize=3,
         layers=[Lstm(7, returnSequences=True)],
         runs=[R(5, True), R(1, True), R(12)]),
    dict(name="torch_lstm_13x29_two_layers", framework="torch", inputSize=13,
         layers=[Lstm(29, returnSequences=True), Lstm(29, returnSequences=True)],
         runs=[R(50, True), R(7)]),
    dict(name="torch_lstm_5x2_long", framework="torch", inputSize=5,
         layers=[Lstm(2, returnSequences=True)],
         runs=[R(2000)]),
    dict(name="torch_lstm_64x128", framework="torch", inputSize=64,
         layers=[Lstm(128, returnSequences=True)],
         runs=[R(40, True)]),
    dict(name="torch_lstm_5x2_bidir", framework="torch", inputSize=5,
         layers=[Lstm(2, returnSequences=True, direction=BIDIR)],
         runs=[R(9, True), R(1), R(6)]),
    dict(name="torch_lstm_3x7_bidir_two_layers_last", framework="torch", inputSize=3,
         layers=[Lstm(7, returnSequences=True, direction=BIDIR), Lstm(7, direction=BIDIR)],
         runs=[R(11, True), R(4), R(1)]),
    dict(name="torch_gru_3x7_h0", framework="torch", inputSize=3,
         layers=[Gru(7, returnSequences=True)],
         runs=[R(6, True), R(1, True), R(10)]),
    dict(name="torch_gru_13x29_bidir_two_layers", framework="torch", inputSize=13,
         layers=[Gru(29, returnSequences=True, direction=BIDIR),
                 Gru(29, returnSequences=True, direction=BIDIR)],
         runs=[R(20, True), R(3)]),
    # PyTorch computes, the weights are handed over in Keras get_weights() order: the only golden data
    # for Keras's reset-after GRU bias [2, 3u] (TensorFlow.js has no reset_after=True).
    dict(name="torch_gru_keras_layout_3x7", framework="torch", inputSize=3, layout="Keras",
         layers=[Gru(7, returnSequences=True, direction=BIDIR), Dense(4)],
         runs=[R(9, True), R(5)]),
    dict(name="torch_gru_3x7_long", framework="torch", inputSize=3,
         layers=[Gru(7, returnSequences=True)],
         runs=[R(2000)]),
    dict(name="torch_rnn_3x7_nobias", framework="torch", inputSize=3,
         layers=[SimpleRnn(7, useBias=False, returnSequences=True)],
         runs=[R(8, True), R(8)]),
    dict(name="torch_lstm_3x7_nobias", framework="torch", inputSize=3,
         layers=[Lstm(7, useBias=False, returnSequences=True)],
         runs=[R(8, True), R(8)]),
    dict(name="torch_gru_3x7_nobias_bidir", framework="torch", inputSize=3,
         layers=[Gru(7, useBias=False, returnSequences=True, direction=BIDIR)],
         runs=[R(8, True), R(8)]),
    dict(name="torch_lstm_8x32_dense_softmax", framework="torch", inputSize=8,
         layers=[Lstm(32, returnSequences=True), Dense(4, activation="Softmax")],
         runs=[R(10), R(1, True), R(5, True)]),
    # GuitarML's amp models: LSTM -> Linear, plus the first input channel (the dry signal) added to the output.
    dict(name="torch_lstm_2x20_skip", framework="torch", inputSize=2, skip=1,
         layers=[Lstm(20, returnSequences=True), Dense(1)],
         runs=[R(12), R(6, True)]),
    dict(name="torch_gru_3x7_dense_last", framework="torch", inputSize=3,
         layers=[Gru(7), Dense(5)],
         runs=[R(9, True), R(1), R(4)]),
    # No recurrent layer: Linear / ELU / LeakyReLU / Tanh / Softmax modules on every step.
    dict(name="torch_dense_stack_elu_leaky", framework="torch", inputSize=3, weightScale=2.0,
         layers=[Dense(8), Act("Elu"), Dense(8, useBias=False), Act("LeakyRelu", alpha=0.01), Dense(6),
                 Act("Elu", alpha=0.5), Dense(5), Act("Tanh"), Dense(4), Act("Softmax")],
         runs=[R(1), R(13)]),
    # An activation module right after a recurrent one, where it cannot fold into a Dense.
    dict(name="torch_gru_4x6_relu_leaky_head", framework="torch", inputSize=4,
         layers=[Gru(6, returnSequences=True), Act("Relu"), Dense(3), Act("LeakyRelu", alpha=0.2)],
         runs=[R(9, True), R(1)]),
    # NeuralAmpModeler's LSTM: the initial h and c are learned weights (and a two-layer stack, one learned state each).
    dict(name="torch_lstm_1x8_learned_state", framework="torch", inputSize=1,
         layers=[Lstm(8, returnSequences=True, learnedInitialState=True),
                 Lstm(8, returnSequences=True, learnedInitialState=True), Dense(1)],
         runs=[R(30), R(5, True)]),
    dict(name="torch_gru_3x5_learned_state_bidir", framework="torch", inputSize=3,
         layers=[Gru(5, returnSequences=True, direction=BIDIR, learnedInitialState=True)],
         runs=[R(7), R(3, True)]),

    # ------------------------------------------------- TensorFlow.js, Keras semantics (layout Keras)
    dict(name="keras_seed_simple_rnn", framework="keras", inputSize=5, init="keras_default",
         quickstart="simple_rnn", layers=[SimpleRnn(2)], runs=[{"inputs": SEED_INPUTS}]),
    dict(name="keras_seed_simple_rnn_seq", framework="keras", inputSize=5, init="keras_default",
         quickstart="simple_rnn_seq", layers=[SimpleRnn(2, returnSequences=True)],
         runs=[{"inputs": SEED_INPUTS}]),
    dict(name="keras_seed_lstm_seq_state", framework="keras", inputSize=5, init="keras_default",
         quickstart="lstm_seq_state", layers=[Lstm(2, returnSequences=True)],
         runs=[{"inputs": SEED_INPUTS}]),
    dict(name="keras_simple_rnn_3x7", framework="keras", inputSize=3,
         layers=[SimpleRnn(7)],
         runs=[R(1), R(17, True), R(17)]),
    dict(name="keras_simple_rnn_3x7_backwards_seq", framework="keras", inputSize=3,
         layers=[SimpleRnn(7, returnSequences=True, direction=BACK)],
         runs=[R(9, True), R(1), R(5)]),
    dict(name="keras_simple_rnn_5x2_relu", framework="keras", inputSize=5, weightScale=0.5,
         layers=[SimpleRnn(2, activation="Relu", returnSequences=True)],
         runs=[R(15, True), R(4)]),
    dict(name="keras_lstm_3x7_state", framework="keras", inputSize=3,
         layers=[Lstm(7, returnSequences=True)],
         runs=[R(6, True), R(1, True), R(9)]),
    dict(name="keras_lstm_3x7_backwards_seq_state", framework="keras", inputSize=3,
         layers=[Lstm(7, returnSequences=True, direction=BACK)],
         runs=[R(8, True), R(1, True), R(5)]),
    dict(name="keras_lstm_3x7_hard_sigmoid", framework="keras", inputSize=3,
         layers=[Lstm(7, recurrentActivation="HardSigmoid", returnSequences=True)],
         runs=[R(10, True), R(10)]),
    dict(name="keras_lstm_3x7_nobias", framework="keras", inputSize=3,
         layers=[Lstm(7, useBias=False, returnSequences=True)],
         runs=[R(7, True), R(7)]),
    dict(name="keras_gru_13x29", framework="keras", inputSize=13,
         layers=[Gru(29, resetAfter=False, returnSequences=True)],
         runs=[R(12, True), R(1)]),
    dict(name="keras_lstm_13x29", framework="keras", inputSize=13,
         layers=[Lstm(29, returnSequences=True)],
         runs=[R(20, True)]),
    dict(name="keras_lstm_5x2_bidir_concat", framework="keras", inputSize=5,
         layers=[Lstm(2, returnSequences=True, direction=BIDIR, mergeMode="Concat")],
         runs=[R(9), R(1)]),
    dict(name="keras_lstm_5x2_bidir_sum", framework="keras", inputSize=5,
         layers=[Lstm(2, returnSequences=True, direction=BIDIR, mergeMode="Sum")],
         runs=[R(9), R(1)]),
    dict(name="keras_lstm_5x2_bidir_mul", framework="keras", inputSize=5,
         layers=[Lstm(2, returnSequences=True, direction=BIDIR, mergeMode="Multiply")],
         runs=[R(9), R(1)]),
    dict(name="keras_lstm_5x2_bidir_ave", framework="keras", inputSize=5,
         layers=[Lstm(2, returnSequences=True, direction=BIDIR, mergeMode="Average")],
         runs=[R(9), R(1)]),
    dict(name="keras_gru_3x7_bidir_last", framework="keras", inputSize=3,
         layers=[Gru(7, resetAfter=False, direction=BIDIR)],
         runs=[R(8, True), R(1), R(5)]),
    dict(name="keras_lstm_3x7_bidir_state", framework="keras", inputSize=3,
         layers=[Lstm(7, returnSequences=True, direction=BIDIR)],
         runs=[R(6, True), R(1, True)]),
    dict(name="keras_stack_rnn_lstm_softmax", framework="keras", inputSize=4,
         layers=[SimpleRnn(7, returnSequences=True), Lstm(5, returnSequences=True),
                 Dense(3, activation="Softmax")],
         runs=[R(9, True), R(1), R(6)]),
    dict(name="keras_stack_lstm_back_bigru_dense", framework="keras", inputSize=3,
         layers=[Lstm(6, returnSequences=True, direction=BACK),
                 Gru(5, resetAfter=False, direction=BIDIR), Dense(3)],
         runs=[R(10, True), R(1), R(7)]),
    dict(name="keras_lstm_64x128", framework="keras", inputSize=64,
         layers=[Lstm(128)],
         runs=[R(40, True)]),
    dict(name="keras_lstm_5x2_long", framework="keras", inputSize=5,
         layers=[Lstm(2, returnSequences=True)],
         runs=[R(2000)]),
    # Dense layers only, with Keras elu and standalone Activation / LeakyReLU / ELU layers (RTNeural's dense stacks).
    # (TensorFlow.js's ELU layer only takes alpha = 1: other alphas are golden-tested through PyTorch.)
    dict(name="keras_dense_stack_activations", framework="keras", inputSize=1, weightScale=2.0,
         layers=[Dense(8, activation="Tanh"), Dense(8, useBias=False), Act("Relu"), Dense(8, activation="Elu"),
                 Dense(6), Act("LeakyRelu", alpha=0.3), Dense(6, activation="Relu", useBias=False), Dense(6),
                 Act("Elu"), Dense(4, activation="Elu"), Dense(3, activation="Softmax")],
         runs=[R(1), R(32)]),
    dict(name="keras_lstm_3x6_activation_layers", framework="keras", inputSize=3,
         layers=[Lstm(6, returnSequences=True), Act("Sigmoid"), Dense(4, activation="Elu"), Act("LeakyRelu", alpha=0.3),
                 Dense(2), Act("Softmax")],
         runs=[R(8, True), R(1)]),
    dict(name="keras_simple_rnn_3x5_elu_last", framework="keras", inputSize=3,
         layers=[SimpleRnn(5, activation="Elu"), Act("LeakyRelu", alpha=0.1), Dense(2)],
         runs=[R(6, True), R(1)]),

    # ------------------------------------------------------ ONNX Runtime (layout Onnx)
    dict(name="onnx_rnn_3x7", framework="onnx", inputSize=3,
         layers=[SimpleRnn(7, returnSequences=True)],
         runs=[R(1), R(12, True), R(12)]),
    dict(name="onnx_rnn_5x2_relu", framework="onnx", inputSize=5, weightScale=0.5,
         layers=[SimpleRnn(2, activation="Relu", returnSequences=True)],
         runs=[R(10, True), R(4)]),
    dict(name="onnx_lstm_5x2_bidir", framework="onnx", inputSize=5,
         layers=[Lstm(2, returnSequences=True, direction=BIDIR)],
         runs=[R(9, True), R(1), R(5)]),
    dict(name="onnx_lstm_3x7_reverse", framework="onnx", inputSize=3,
         layers=[Lstm(7, returnSequences=True, direction=BACK)],
         runs=[R(8, True), R(1), R(5)]),
    dict(name="onnx_gru_13x29_lbr1", framework="onnx", inputSize=13,
         layers=[Gru(29, resetAfter=True, returnSequences=True)],
         runs=[R(12, True), R(3)]),
    dict(name="onnx_gru_13x29_lbr0", framework="onnx", inputSize=13,
         layers=[Gru(29, resetAfter=False, returnSequences=True)],
         runs=[R(12, True), R(3)]),
    dict(name="onnx_gru_3x7_bidir_last", framework="onnx", inputSize=3,
         layers=[Gru(7, direction=BIDIR)],
         runs=[R(7, True), R(1)]),
    dict(name="onnx_lstm_3x7_nobias", framework="onnx", inputSize=3,
         layers=[Lstm(7, useBias=False, returnSequences=True)],
         runs=[R(8, True), R(8)]),
    dict(name="onnx_lstm_3x7_gemm_seq", framework="onnx", inputSize=3,
         layers=[Lstm(7, returnSequences=True), Dense(4)],
         runs=[R(9, True), R(1, True), R(4)]),
    dict(name="onnx_lstm_3x7_gemm_last", framework="onnx", inputSize=3,
         layers=[Lstm(7), Dense(4)],
         runs=[R(9, True), R(1)]),
    dict(name="onnx_lstm_3x7_hard_sigmoid_keras3", framework="onnx", inputSize=3,
         layers=[Lstm(7, recurrentActivation="HardSigmoidKeras3", returnSequences=True)],
         runs=[R(10, True), R(10)]),
]


# ------------------------------------------------------------------ helpers shared by scripts
def case_seed(name, salt=0):
    return (zlib.crc32(name.encode()) + 7919 * salt) & 0x7FFFFFFF


def gate_count(kind):
    return {"SimpleRnn": 1, "Lstm": 4, "Gru": 3}[kind]


def dirs(layer):
    return 2 if layer["direction"] == "Bidirectional" else 1


def layer_output_size(layer, input_size):
    if layer["kind"] == "Activation":
        return input_size
    if layer["kind"] == "Dense":
        return layer["units"]
    if layer["direction"] == "Bidirectional" and layer["mergeMode"] == "Concat":
        return 2 * layer["units"]
    return layer["units"]


def layer_input_sizes(case):
    """The width each layer reads per step."""
    sizes, n = [], case["inputSize"]
    for layer in case["layers"]:
        sizes.append(n)
        n = layer_output_size(layer, n)
    return sizes


def returns_sequences(case):
    """Dense and activation layers keep what comes in: a model without recurrent layers maps every step."""
    rec = [l for l in case["layers"] if l["kind"] in REC_KINDS]
    return rec[-1]["returnSequences"] if rec else True


def state_slots(case):
    """(layer, direction, kind) for every state vector, in the JSON's finalStates order."""
    slots = []
    for li, layer in enumerate(case["layers"]):
        if layer["kind"] not in REC_KINDS:
            continue
        for d in range(dirs(layer)):
            slots.append((li, d, "hidden"))
            if layer["kind"] == "Lstm":
                slots.append((li, d, "cell"))
    return slots


def make_runs(case):
    """Seeded inputs and initial states for every run: list of dicts with float32 numpy arrays."""
    out = []
    for ri, run in enumerate(case["runs"]):
        rng = np.random.default_rng(case_seed(case["name"], ri + 1))
        if "inputs" in run:
            x = np.asarray(run["inputs"], dtype=np.float32)
        else:
            x = rng.uniform(-1, 1, size=(run["timeSteps"], case["inputSize"])).astype(np.float32)
        init = []
        if run.get("state"):
            for (li, d, k) in state_slots(case):
                n = case["layers"][li]["units"]
                init.append({"layer": li, "direction": d, "kind": k,
                             "values": rng.uniform(-1, 1, size=n).astype(np.float32)})
        out.append({"timeSteps": int(x.shape[0]), "inputs": x, "initialStates": init})
    return out


def cases_for(framework):
    return [c for c in CASES if c["framework"] == framework]


def _check():
    names, pascals = set(), set()
    for c in CASES:
        assert c["name"] not in names, c["name"]
        names.add(c["name"])
        pascal = "".join(w[:1].upper() + w[1:] for w in c["name"].split("_"))
        assert pascal not in pascals, "C# class name collision: " + pascal
        pascals.add(pascal)
        assert c["name"].startswith({"torch": "torch_", "keras": "keras_", "onnx": "onnx_"}[c["framework"]])


_check()

if __name__ == "__main__":
    fw = sys.argv[1] if len(sys.argv) > 1 else None
    json.dump([c for c in CASES if fw is None or c["framework"] == fw], sys.stdout, indent=1)
