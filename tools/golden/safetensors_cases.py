"""Safetensors files for the loader tests (tests/RnnGen.Tests/Weights/Data/), written from the seeded PyTorch
modules of golden cases, so their values are the golden cases' own and the C# tests can check FromSafetensors
against the frameworks' outputs.

Names are what torch itself produces: state_dict() of a container module (e.g. "net.0.weight_ih_l0", "lstm.weight_ih_l1",
"fc.bias"). One file uses Keras weight paths ("bidirectional/forward_gru/kernel", "dense/bias") for a PyTorch model
handed over in Keras layout (the tensors of to_keras, named as Keras names them). Debian has no safetensors
package, so the format (8-byte little-endian header length, JSON header, data) is written here from numpy.
"""
import json
import os
import struct
import sys

import numpy as np
import torch

from cases import cases_for
from torch_cases import build_modules, to_keras

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "RnnGen.Tests", "Weights", "Data")


def write_safetensors(path, tensors, dtype="F32"):
    """tensors: list of (name, float32 ndarray) in file order; dtype F32, F16 or BF16 (BF16 truncates float32)."""
    header, blobs, offset = {}, [], 0
    for name, array in tensors:
        a = np.ascontiguousarray(array, dtype=np.float32)
        if dtype == "F16":
            data = a.astype("<f2").tobytes()
        elif dtype == "BF16":
            data = (a.view("<u4") >> 16).astype("<u2").tobytes()
        else:
            data = a.astype("<f4").tobytes()
        header[name] = {"dtype": dtype, "shape": list(a.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = {"format": "pt", "source": "tools/golden/safetensors_cases.py"}
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # the format pads the header to 8 bytes
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))
    print("%-60s %7d bytes, %d tensors, %s" % (os.path.relpath(path), os.path.getsize(path), len(tensors), dtype))


class Named(torch.nn.Module):
    """A user's model: its layers as attributes with the given names, so state_dict() names them."""

    def __init__(self, names, modules):
        super().__init__()
        for n, m in zip(names, modules):
            setattr(self, n, m)


def state_dict_tensors(module):
    return [(k, v.detach().numpy()) for k, v in module.state_dict().items()]


def main():
    os.makedirs(OUT, exist_ok=True)
    cases = {c["name"]: c for c in cases_for("torch")}

    # nn.LSTM with num_layers=2 as attribute "lstm": lstm.weight_ih_l0 ... lstm.bias_hh_l1.
    _, (lstm,), _ = build_modules(cases["torch_lstm_13x29_two_layers"])
    write_safetensors(os.path.join(OUT, "torch_lstm_13x29_two_layers.safetensors"),
                      state_dict_tensors(Named(["lstm"], [lstm])))

    # The same module saved on its own, save_file(lstm.state_dict()): no module prefix (weight_ih_l0, ...).
    write_safetensors(os.path.join(OUT, "torch_lstm_13x29_two_layers_bare.safetensors"), state_dict_tensors(lstm))

    # Learned initial states (NeuralAmpModeler's LSTM) under RnnGen's names: lstm.initial_h_l{k} / initial_c_l{k}.
    case = cases["torch_lstm_1x8_learned_state"]
    groups, modules, learned = build_modules(case)
    tensors = state_dict_tensors(Named(["lstm", "fc"], modules))
    for k in range(2):
        tensors += [("lstm.initial_h_l%d" % k, learned[0]["hidden"][k].numpy()), ("lstm.initial_c_l%d" % k, learned[0]["cell"][k].numpy())]
    write_safetensors(os.path.join(OUT, "torch_lstm_1x8_learned_state.safetensors"), tensors)

    # Bidirectional two-layer GRU: *_reverse tensors.
    _, (gru,), _ = build_modules(cases["torch_gru_13x29_bidir_two_layers"])
    write_safetensors(os.path.join(OUT, "torch_gru_13x29_bidir_two_layers.safetensors"),
                      state_dict_tensors(Named(["encoder"], [gru])))

    # LSTM + Linear inside a submodule "net" (nn.Sequential: net.0.*, net.1.*), beside an unrelated "head" that the
    # prefix must leave out; also in F16 and BF16.
    _, modules, _ = build_modules(cases["torch_lstm_8x32_dense_softmax"])
    outer = Named(["net", "head"], [torch.nn.Sequential(*modules), torch.nn.Linear(4, 3)])
    for dtype in ("F32", "F16", "BF16"):
        write_safetensors(os.path.join(OUT, "torch_lstm_8x32_dense_softmax_%s.safetensors" % dtype.lower()),
                          state_dict_tensors(outer), dtype)

    # Keras weight paths for a bidirectional GRU + Dense handed over in Keras layout.
    case = cases["torch_gru_keras_layout_3x7"]
    groups, modules, _ = build_modules(case)
    flat = to_keras(modules, groups, case["layers"])
    names, shapes = [], []
    units, inputs = case["layers"][0]["units"], case["inputSize"]
    for half in ("forward_gru", "backward_gru"):
        names += ["bidirectional/%s/%s" % (half, n) for n in ("kernel", "recurrent_kernel", "bias")]
        shapes += [(inputs, 3 * units), (units, 3 * units), (2, 3 * units)]
    dense_units = case["layers"][1]["units"]
    names += ["dense/kernel", "dense/bias"]
    shapes += [(2 * units, dense_units), (dense_units,)]
    tensors, at = [], 0
    for n, shape in zip(names, shapes):
        size = int(np.prod(shape))
        tensors.append((n, flat[at:at + size].reshape(shape)))
        at += size
    assert at == flat.size, (at, flat.size)
    write_safetensors(os.path.join(OUT, "torch_gru_keras_layout_3x7_keras_names.safetensors"), tensors)


if __name__ == "__main__":
    sys.exit(main())
