"""Checks docs/importing.md's ONNX recipe on a real torch.onnx.export of an LSTM + Linear applied to a
sequence (exported as LSTM, then MatMul + Add): the recipe must flatten to the LSTM node's W, R, B, then the Linear
weight as [units, inputs] and its bias, which is the Onnx layout FromParameters takes.

Run with /usr/bin/python3 (Debian python3-torch, python3-onnx). Prints "recipe matches" or exits non-zero.
"""
import io

import numpy as np
import onnx
import torch
from onnx import numpy_helper


class LstmThenLinear(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = torch.nn.LSTM(3, 4)
        self.fc = torch.nn.Linear(4, 2)

    def forward(self, x):
        y, _ = self.lstm(x)
        return self.fc(y)


def recipe(m):
    """The docs' recipe (docs/importing.md), verbatim but for the loaded model `m` and returning instead of writing."""
    inits = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    weights = []
    for node in m.graph.node:
        if node.op_type in ("RNN", "LSTM", "GRU"):
            weights += [inits[n].ravel() for n in node.input[1:4] if n in inits]
        elif node.op_type == "Gemm":
            w = inits[node.input[1]]
            transposed = any(a.name == "transB" and a.i == 1 for a in node.attribute)
            weights += [(w if transposed else w.T).ravel()] + [inits[n].ravel() for n in node.input[2:3] if n in inits]
        elif node.op_type == "MatMul" and node.input[1] in inits:
            weights.append(inits[node.input[1]].T.ravel())
        elif node.op_type == "Add":  # a MatMul's bias
            weights += [inits[n].ravel() for n in node.input if n in inits]
    return np.concatenate(weights).astype("<f4")


def main():
    torch.manual_seed(0)
    model = LstmThenLinear()
    buffer = io.BytesIO()
    torch.onnx.export(model, torch.zeros(5, 1, 3), buffer, opset_version=14)
    m = onnx.load_from_string(buffer.getvalue())
    inits = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    lstm = next(n for n in m.graph.node if n.op_type == "LSTM")
    expected = np.concatenate([inits[n].ravel() for n in lstm.input[1:4]]
                              + [model.fc.weight.detach().numpy().ravel(), model.fc.bias.detach().numpy().ravel()])
    flat = recipe(m)
    if flat.shape != expected.shape or not np.array_equal(flat, expected):
        raise SystemExit("docs/importing.md's ONNX recipe does not give the Onnx layout")
    print("recipe matches: %d floats (LSTM W, R, B; Linear weight [2, 4], bias)" % flat.size)


if __name__ == "__main__":
    main()
