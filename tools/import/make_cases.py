"""Builds the importer test files in every documented layout from small PyTorch models, plus each model's output.

Run with Debian's /usr/bin/python3 (torch 1.13, h5py, onnx). Keras cannot run here, so the Keras files are written
with h5py in the layouts Keras 2.x (model.save to .h5) and Keras 3 (.keras zip) use; their weights come from PyTorch
modules converted by the rules below, written independently of RnnGen's C# importer, and the expected outputs
are PyTorch's (float64 forward of the same float32 weights).
"""
import json, os, sys

import numpy as np
import torch
from torch import nn

import keras_writer  # the Keras 2 .h5 / Keras 3 .keras layouts, shared with keras_from_tfjs.py

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../tests/RnnGen.Import.Tests/Data")
os.makedirs(OUT, exist_ok=True)
torch.manual_seed(20261128)
np.random.seed(20261128)


def save_expected(name, x, y, dims=None):
    """x: [T, in], y: [T, out] or [out] → <name>.expected.json (dims: the ONNX input shape)"""
    with open(os.path.join(OUT, name + ".expected.json"), "w") as f:
        json.dump({"timeSteps": int(x.shape[0]), "input": [float(v) for v in x.ravel()], "dims": dims,
                   "output": [float(v) for v in np.asarray(y).ravel()]}, f)


def run(module_fn, x):
    """float64 forward of float32 weights."""
    with torch.no_grad():
        return module_fn(torch.tensor(x, dtype=torch.float64)).numpy()


def f32(t):
    return t.detach().numpy().astype(np.float32)


# ---- PyTorch → Keras weight rules (Keras LSTM i,f,c,o = PyTorch i,f,g,o; Keras GRU z,r,h = PyTorch z,r,n after swapping r and z)
def keras_rnn(m, suffix=""):
    wih, whh = f32(getattr(m, "weight_ih_l0" + suffix)), f32(getattr(m, "weight_hh_l0" + suffix))
    bih, bhh = f32(getattr(m, "bias_ih_l0" + suffix)), f32(getattr(m, "bias_hh_l0" + suffix))
    if isinstance(m, nn.GRU):
        h = m.hidden_size
        order = np.r_[h:2 * h, 0:h, 2 * h:3 * h]  # r,z,n → z,r,n
        return [wih[order].T.copy(), whh[order].T.copy(), np.stack([bih[order], bhh[order]])]
    return [wih.T.copy(), whh.T.copy(), bih + bhh]


def keras_dense(lin):
    return [f32(lin.weight).T.copy(), f32(lin.bias)]


def layer_cfg(cls, **config):
    return {"class_name": cls, "config": config}


def write_keras2(name, layers, weights, functional=False, libver="earliest"):
    """layers: Keras 2 layer configs; weights: {layer: [(weight_name, array)]} as model.save() writes them."""
    config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers}}
    if functional:
        config = {"class_name": "Functional", "config": {"name": "model", "layers": layers,
                  "input_layers": [[layers[0]["name"], 0, 0]], "output_layers": [[layers[-1]["name"], 0, 0]]}}
    keras_writer.write_keras2(os.path.join(OUT, name), config, [l["config"]["name"] for l in layers], weights, libver)


def write_keras3(name, layers, weights):
    """weights: {h5 path under layers/: [arrays]} as Keras 3's model.weights.h5 stores them (vars/0, 1, 2)."""
    config = {"module": "keras", "class_name": "Sequential", "config": {"name": "sequential", "layers": layers}}
    keras_writer.write_keras3(os.path.join(OUT, name), config, weights)


T = 12
# 1. PyTorch state_dict in safetensors: LSTM(3→8) + Linear(8→2) on every step.
class LstmLinear(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(3, 8)
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(self.lstm(x)[0])


m = LstmLinear()
x = np.random.randn(T, 3).astype(np.float32)
y = run(lambda t: m.double()(t[:, None, :])[:, 0, :], x)
m.float()
from safetensors_writer import save_file  # tiny writer, the safetensors package is not installed here
save_file({k: f32(v) for k, v in m.state_dict().items()}, os.path.join(OUT, "pytorch_lstm_linear.safetensors"))
save_expected("pytorch_lstm_linear", x, y)

# 2. GuitarML JSON (synthetic, not a real amp): GRU(2→6) + Linear(6→1), skip 1.
rec, lin = nn.GRU(2, 6), nn.Linear(6, 1)
x = np.random.randn(T, 2).astype(np.float32)
y = run(lambda t: lin.double()(rec.double()(t[:, None, :])[0])[:, 0, :] + t[:, :1], x)
rec.float(), lin.float()
state = {"rec." + k: f32(v).tolist() for k, v in rec.state_dict().items()}
state.update({"lin." + k: f32(v).tolist() for k, v in lin.state_dict().items()})
with open(os.path.join(OUT, "guitarml_gru.json"), "w") as f:
    json.dump({"model_data": {"model": "SimpleRNN", "input_size": 2, "skip": 1, "output_size": 1, "unit_type": "GRU",
                              "num_layers": 1, "hidden_size": 6, "bias_fl": True}, "state_dict": state}, f)
save_expected("guitarml_gru", x, y)

# 3. Keras 2 .h5: Dropout, LSTM(4→8, sequences), GRU(8→5, reset_after), Dense(5→3, softmax) on the last step.
lstm, gru, dense = nn.LSTM(4, 8), nn.GRU(8, 5), nn.Linear(5, 3)
x = np.random.randn(T, 4).astype(np.float32)
y = run(lambda t: torch.softmax(dense.double()(gru.double()(lstm.double()(t[:, None, :])[0])[0][-1, 0]), -1), x)
for mod in (lstm, gru, dense):
    mod.float()
rnn_opts = dict(activation="tanh", recurrent_activation="sigmoid", use_bias=True, go_backwards=False, stateful=False)
layers = [layer_cfg("Dropout", name="dropout", rate=0.1, batch_input_shape=[None, None, 4]),
          layer_cfg("LSTM", name="lstm", units=8, return_sequences=True, **rnn_opts),
          layer_cfg("GRU", name="gru", units=5, return_sequences=False, reset_after=True, **rnn_opts),
          layer_cfg("Dense", name="dense", units=3, activation="softmax", use_bias=True)]
names = lambda layer, w: [f"{layer}/{n}:0" for n in ("kernel", "recurrent_kernel", "bias")[:len(w)]] if len(w) == 3 else [f"{layer}/kernel:0", f"{layer}/bias:0"]
weights = {}
for lname, w in (("lstm", keras_rnn(lstm)), ("gru", keras_rnn(gru)), ("dense", keras_dense(dense))):
    weights[lname] = list(zip(names(lname, w), w))
write_keras2("keras2_lstm_gru_dense.h5", layers, weights)
save_expected("keras2_lstm_gru_dense", x, y)


# 3b. The same weights as a Keras 2 Functional model (InputLayer, then each layer fed by the one before it), and a
# Functional model that branches (refused, naming the layer).
def functional(layers, inputs):
    chain, previous = [], None
    for layer in layers:
        entry = dict(layer, name=layer["config"]["name"], inbound_nodes=[] if previous is None else [[[inputs.get(layer["config"]["name"], previous), 0, 0, {}]]])
        chain.append(entry)
        previous = layer["config"]["name"]
    return chain


chain = [layer_cfg("InputLayer", name="input_1", batch_input_shape=[None, None, 4], dtype="float32")] + layers[1:]
# tf.keras 2.3+ names a recurrent layer's weights after its cell: lstm/lstm_cell/kernel:0.
tf2_names = {l: [(n.replace(f"{l}/", f"{l}/{l}_cell/") if l != "dense" else n, a) for n, a in ws] for l, ws in weights.items()}
write_keras2("keras2_functional.h5", functional(chain, {}), tf2_names, functional=True)
save_expected("keras2_functional", x, y)
write_keras2("keras2_functional_branch.h5", functional(chain, {"gru": "input_1"}), weights, functional=True)

# 4. Keras 2 .h5: Bidirectional(LSTM(3→4), concat, sequences) + Dense(8→2) on every step.
bi, dense = nn.LSTM(3, 4, bidirectional=True), nn.Linear(8, 2)
x = np.random.randn(T, 3).astype(np.float32)
y = run(lambda t: dense.double()(bi.double()(t[:, None, :])[0])[:, 0, :], x)
bi.float(), dense.float()
inner = layer_cfg("LSTM", name="lstm", units=4, return_sequences=True, **rnn_opts)
layers = [layer_cfg("Bidirectional", name="bidirectional", layer=inner, merge_mode="concat", batch_input_shape=[None, None, 3]),
          layer_cfg("Dense", name="dense", units=2, activation="linear", use_bias=True)]
fw, bw = keras_rnn(bi), keras_rnn(bi, "_reverse")
parts = ("kernel", "recurrent_kernel", "bias")
weights = {"bidirectional": [(f"bidirectional/{half}_lstm/{p}:0", a) for half, ws in (("forward", fw), ("backward", bw)) for p, a in zip(parts, ws)],
           "dense": list(zip(["dense/kernel:0", "dense/bias:0"], keras_dense(dense)))}
write_keras2("keras2_bidirectional.h5", layers, weights)
write_keras2("keras2_bidirectional_v2_headers.h5", layers, weights, libver="latest")
save_expected("keras2_bidirectional_v2_headers", x, y)
save_expected("keras2_bidirectional", x, y)

# 5. Keras 3 .keras: InputLayer, SimpleRNN(2→6, sequences), GRU(6→4), Dense(4→2, relu).
rnn, gru, dense = nn.RNN(2, 6), nn.GRU(6, 4), nn.Linear(4, 2)
x = np.random.randn(T, 2).astype(np.float32)
y = run(lambda t: torch.relu(dense.double()(gru.double()(rnn.double()(t[:, None, :])[0])[0][-1, 0])), x)
for mod in (rnn, gru, dense):
    mod.float()
k3 = lambda cls, **c: {"module": "keras.layers", "class_name": cls, "config": c, "registered_name": None}
layers = [k3("InputLayer", name="input_layer", batch_shape=[None, None, 2], dtype="float32"),
          k3("SimpleRNN", name="simple_rnn", units=6, activation="tanh", use_bias=True, return_sequences=True, go_backwards=False, stateful=False),
          k3("GRU", name="gru", units=4, activation="tanh", recurrent_activation="sigmoid", use_bias=True, return_sequences=False, go_backwards=False, stateful=False, reset_after=True),
          k3("Dense", name="dense", units=2, activation="relu", use_bias=True)]
write_keras3("keras3_rnn_gru_dense.keras", layers, {"simple_rnn/cell": keras_rnn(rnn), "gru/cell": keras_rnn(gru), "dense": keras_dense(dense)})
save_expected("keras3_rnn_gru_dense", x, y)

# 6. RTNeural JSON: GRU(1→8) → Dense(8→4, tanh) → Dense(4→1) → standalone sigmoid activation layer (RTNeural's
#    exporter writes it as type "activation"), every step.
gru, d1, d2 = nn.GRU(1, 8), nn.Linear(8, 4), nn.Linear(4, 1)
x = np.random.randn(T, 1).astype(np.float32)
y = run(lambda t: torch.sigmoid(d2.double()(torch.tanh(d1.double()(gru.double()(t[:, None, :])[0]))))[:, 0, :], x)
for mod in (gru, d1, d2):
    mod.float()
tolist = lambda ws: [w.tolist() for w in ws]
rt = {"in_shape": [None, None, 1], "layers": [
    {"type": "gru", "activation": "", "shape": [None, None, 8], "weights": tolist(keras_rnn(gru))},
    {"type": "dense", "activation": "tanh", "shape": [None, None, 4], "weights": tolist(keras_dense(d1))},
    {"type": "dense", "activation": "", "shape": [None, None, 1], "weights": tolist(keras_dense(d2))},
    {"type": "activation", "activation": "sigmoid", "shape": [None, None, 1], "weights": []}]}
with open(os.path.join(OUT, "rtneural_gru_dense.json"), "w") as f:
    json.dump(rt, f)
save_expected("rtneural_gru_dense", x, y)


# 7–9. ONNX from torch.onnx.export (opset 14).
def export(name, module, x, batch_first):
    module.eval()
    shaped = torch.tensor(x)[None] if batch_first else torch.tensor(x)[:, None]
    torch.onnx.export(module, (shaped,), os.path.join(OUT, name + ".onnx"), opset_version=14,
                      input_names=["x"], output_names=["y"], do_constant_folding=True)
    with torch.no_grad():
        module.double()
        y = module(shaped.double()).numpy()
        module.float()
    save_expected(name, x, y, list(shaped.shape))


class SeqLinear(nn.Module):  # Y → Squeeze → MatMul + Add on every step
    def __init__(self, rnn, units, out):
        super().__init__()
        self.rnn, self.fc = rnn, nn.Linear(units, out)

    def forward(self, x):
        return self.fc(self.rnn(x)[0])


class LastLinear(nn.Module):  # batch_first: Transpose → GRU → Y → Gather/Slice last step → Gemm
    def __init__(self, rnn, units, out):
        super().__init__()
        self.rnn, self.fc = rnn, nn.Linear(units, out)

    def forward(self, x):
        return self.fc(self.rnn(x)[0][:, -1])


export("onnx_lstm_linear", SeqLinear(nn.LSTM(3, 8), 8, 2), np.random.randn(T, 3).astype(np.float32), False)
export("onnx_gru_last", LastLinear(nn.GRU(4, 6, batch_first=True), 6, 3), np.random.randn(T, 4).astype(np.float32), True)
export("onnx_bilstm", SeqLinear(nn.LSTM(2, 5, bidirectional=True), 10, 2), np.random.randn(T, 2).astype(np.float32), False)
print("wrote", sorted(os.listdir(OUT)))
