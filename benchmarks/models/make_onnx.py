#!/usr/bin/python3
"""Writes one single-node ONNX model (LSTM, GRU or RNN) per benchmark size into this folder.

    /usr/bin/python3 benchmarks/models/make_onnx.py     # needs Debian's python3-onnx and numpy

Each model is one recurrent node, batch 1, with a symbolic sequence length "T" (the benchmarks bind T = 1
for streamed steps and T = 100 for a whole sequence), graph inputs X [T, 1, I], initial_h [1, 1, H]
(and initial_c for LSTM) and outputs Y [T, 1, 1, H], Y_h (and Y_c). W, R and B are initializers, so
ONNX Runtime may pre-pack them as it does for any deployed model.

The weights are the benchmark's own: SplitMix64 over a seed made of the kind and size, exactly as
benchmarks/RnnGen.Benchmarks/BenchWeights.cs computes them (every value is an integer times a power of
two, so float32 is exact on both sides), laid out as PyTorch's module.parameters() and reordered here
into ONNX gate order. RnnGen, ONNX Runtime and the baselines therefore run the same numbers, and the
benchmark's --verify mode compares their outputs.
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

# (input, units): must match Sizes in benchmarks/RnnGen.Benchmarks/Models.cs.
SIZES = [(5, 2), (1, 16), (1, 40), (8, 32), (64, 128), (128, 256)]

# kind: (file prefix, ONNX op, gates, seed code, PyTorch gate blocks in ONNX order)
KINDS = {
    "SimpleRnn": ("rnn", "RNN", 1, 1, [0]),
    "Lstm": ("lstm", "LSTM", 4, 2, [0, 3, 1, 2]),  # PyTorch i,f,g,o -> ONNX i,o,f,c
    "Gru": ("gru", "GRU", 3, 3, [1, 0, 2]),  # PyTorch r,z,n -> ONNX z,r,h
}

GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def splitmix64(seed, count):
    """The i-th output (i = 1..count) of SplitMix64 started at seed: counter-based, so vectorised."""
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + np.arange(1, count + 1, dtype=np.uint64) * GOLDEN
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def weight_seed(code, inputs, units):
    return (code << 32) | (inputs << 16) | units


def scale_exponent(units):
    """k with 2^-k close to 1/sqrt(units), PyTorch's init range."""
    return ((units - 1).bit_length() + 1) // 2


def uniform(seed, count, k):
    """Values in [-2^-k, 2^-k): a 24-bit integer times a power of two, exact in float32."""
    top = (splitmix64(seed, count) >> np.uint64(40)).astype(np.int64) - (1 << 23)
    return (top.astype(np.float64) * 2.0 ** (-23 - k)).astype(np.float32)


def pytorch_parameters(code, gates, inputs, units):
    count = gates * units * (inputs + units + 2)
    flat = uniform(weight_seed(code, inputs, units), count, scale_exponent(units))
    gu = gates * units
    w_ih = flat[: gu * inputs].reshape(gu, inputs)
    w_hh = flat[gu * inputs: gu * (inputs + units)].reshape(gu, units)
    b_ih = flat[gu * (inputs + units): gu * (inputs + units + 1)]
    b_hh = flat[gu * (inputs + units + 1):]
    return w_ih, w_hh, b_ih, b_hh


def reorder(tensor, order, units):
    return np.concatenate([tensor[g * units:(g + 1) * units] for g in order], axis=0)


def make_model(kind, inputs, units):
    prefix, op, gates, code, order = KINDS[kind]
    w_ih, w_hh, b_ih, b_hh = pytorch_parameters(code, gates, inputs, units)
    W = reorder(w_ih, order, units)[np.newaxis]
    R = reorder(w_hh, order, units)[np.newaxis]
    B = np.concatenate([reorder(b_ih, order, units), reorder(b_hh, order, units)])[np.newaxis]

    lstm = kind == "Lstm"
    node_inputs = ["X", "W", "R", "B", "", "initial_h"] + (["initial_c"] if lstm else [])
    node_outputs = ["Y", "Y_h"] + (["Y_c"] if lstm else [])
    attributes = {"hidden_size": units}
    if kind == "Gru":
        attributes["linear_before_reset"] = 1  # reset-after: Keras 2/3 default, PyTorch
    node = helper.make_node(op, node_inputs, node_outputs, name=prefix, **attributes)

    state = [1, 1, units]
    graph_inputs = [helper.make_tensor_value_info("X", TensorProto.FLOAT, ["T", 1, inputs]),
                    helper.make_tensor_value_info("initial_h", TensorProto.FLOAT, state)]
    graph_outputs = [helper.make_tensor_value_info("Y", TensorProto.FLOAT, ["T", 1, 1, units]),
                     helper.make_tensor_value_info("Y_h", TensorProto.FLOAT, state)]
    if lstm:
        graph_inputs.append(helper.make_tensor_value_info("initial_c", TensorProto.FLOAT, state))
        graph_outputs.append(helper.make_tensor_value_info("Y_c", TensorProto.FLOAT, state))

    initializers = [numpy_helper.from_array(W, "W"), numpy_helper.from_array(R, "R"), numpy_helper.from_array(B, "B")]
    graph = helper.make_graph([node], f"{prefix}_{inputs}x{units}", graph_inputs, graph_outputs, initializers)
    model = helper.make_model(graph, producer_name="RnnGen.Benchmarks make_onnx.py",
                              opset_imports=[helper.make_opsetid("", 14)])
    model.ir_version = 7  # ONNX 1.7+: every ONNX Runtime of the last years loads it
    onnx.checker.check_model(model)
    return prefix, model


def main():
    folder = os.path.dirname(os.path.abspath(__file__))
    total = 0
    for kind in KINDS:
        for inputs, units in SIZES:
            prefix, model = make_model(kind, inputs, units)
            path = os.path.join(folder, f"{prefix}_{inputs}x{units}.onnx")
            data = model.SerializeToString()
            with open(path, "wb") as file:
                file.write(data)
            total += len(data)
            print(f"{os.path.basename(path)}: {len(data):,} bytes")
    print(f"total {total:,} bytes")


if __name__ == "__main__":
    main()
