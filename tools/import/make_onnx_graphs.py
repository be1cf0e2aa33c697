"""Hand-built ONNX graphs for what torch.onnx.export never writes: a GRU with linear_before_reset=0 (imported in
the Keras layout; its expected output comes from ONNX Runtime via ort_expected.mjs), and graphs the importer must
refuse by name (peepholes, clip, an unknown op on the model's path)."""
import json, os, sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../tests/RnnGen.Import.Tests/Data")
rng = np.random.default_rng(20261128)
T, I, H, O = 10, 3, 5, 2


def init(name, shape):
    return numpy_helper.from_array((rng.standard_normal(shape) * 0.4).astype(np.float32), name)


def save(name, nodes, inits, output="y", out_shape=(1, O)):
    graph = helper.make_graph(nodes, name, [helper.make_tensor_value_info("x", TensorProto.FLOAT, [T, 1, I])],
                              [helper.make_tensor_value_info(output, TensorProto.FLOAT, list(out_shape))], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)], producer_name="rnngen-tests")
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(OUT, name + ".onnx"))


def recurrent(op, gates, extra_inputs=(), outputs=("", "Y_h"), **attrs):
    inits = [init("W", (1, gates * H, I)), init("R", (1, gates * H, H)), init("B", (1, 2 * gates * H))]
    node = helper.make_node(op, ["x", "W", "R", "B", *extra_inputs], list(outputs), hidden_size=H, **attrs)
    return node, inits


def head(source="Y_h"):
    return [helper.make_node("Squeeze", [source, "axes"], ["h"]), helper.make_node("Gemm", ["h", "fc_w", "fc_b"], ["y"], transB=1)], \
           [numpy_helper.from_array(np.array([0], dtype=np.int64), "axes"), init("fc_w", (O, H)), init("fc_b", (O,))]


# GRU, linear_before_reset = 0, last state → Gemm.
node, inits = recurrent("GRU", 3, linear_before_reset=0)
glue, more = head()
save("onnx_gru_reset_before", [node, *glue], inits + more)
x = rng.standard_normal((T, I)).astype(np.float32)
with open(os.path.join(OUT, "onnx_gru_reset_before.expected.json"), "w") as f:
    json.dump({"timeSteps": T, "input": [float(v) for v in x.ravel()], "dims": [T, 1, I], "output": None}, f)

# LSTM read in reverse with Keras 2's hard sigmoid gates, last state → Gemm (RnnGen: Backward, HardSigmoid).
node, inits = recurrent("LSTM", 4, direction="reverse", activations=["HardSigmoid", "Tanh", "Tanh"],
                        activation_alpha=[0.2], activation_beta=[0.5])
glue, more = head()
save("onnx_lstm_reverse_hardsigmoid", [node, *glue], inits + more)
x = rng.standard_normal((T, I)).astype(np.float32)
with open(os.path.join(OUT, "onnx_lstm_reverse_hardsigmoid.expected.json"), "w") as f:
    json.dump({"timeSteps": T, "input": [float(v) for v in x.ravel()], "dims": [T, 1, I], "output": None}, f)

# GRU whose full output Y is cut to its last step with Slice on the time axis, as other exporters write out[-1].
node, inits = recurrent("GRU", 3, outputs=("Y",), linear_before_reset=1)
glue, more = head("last")
ints = lambda name, v: numpy_helper.from_array(np.array(v, dtype=np.int64), name)
slice_nodes = [helper.make_node("Slice", ["Y", "starts", "ends", "slice_axes"], ["sliced"]),
               helper.make_node("Squeeze", ["sliced", "squeeze_axes"], ["last"])]
save("onnx_gru_slice_last", [node, *slice_nodes, helper.make_node("Gemm", ["last", "fc_w", "fc_b"], ["y"], transB=1)], inits + more[1:] + [ints("starts", [-1]), ints("ends", [2**63 - 1]),
     ints("slice_axes", [0]), ints("squeeze_axes", [0, 1])])
x = rng.standard_normal((T, I)).astype(np.float32)
with open(os.path.join(OUT, "onnx_gru_slice_last.expected.json"), "w") as f:
    json.dump({"timeSteps": T, "input": [float(v) for v in x.ravel()], "dims": [T, 1, I], "output": None}, f)

# The same Gather torch writes for out[:, -1], but on the hidden axis: must be refused, not read as "last step".
node, inits = recurrent("GRU", 3, outputs=("Y",), linear_before_reset=1)
save("onnx_gru_gather_hidden", [node, helper.make_node("Squeeze", ["Y", "one"], ["seq"]),
     helper.make_node("Gather", ["seq", "minus_one"], ["y"], axis=2, name="/Gather")],
     inits + [ints("one", [1]), ints("minus_one", -1)], out_shape=(T, 1))

# LSTM with peepholes.
node, inits = recurrent("LSTM", 4, extra_inputs=("", "", "", "P"))
glue, more = head()
save("onnx_lstm_peephole", [node, *glue], inits + more + [init("P", (1, 3 * H))])

# LSTM with clip.
node, inits = recurrent("LSTM", 4, clip=3.0)
glue, more = head()
save("onnx_lstm_clip", [node, *glue], inits + more)

# An op the importer does not know, on the path: Y_h * 2 before the Dense.
node, inits = recurrent("RNN", 1)
glue, more = head("scaled")
save("onnx_rnn_mul", [node, helper.make_node("Mul", ["Y_h", "two"], ["scaled"], name="/scale/Mul"), *glue],
     inits + more + [numpy_helper.from_array(np.array(2.0, dtype=np.float32), "two")])
print("wrote hand-built ONNX graphs")
