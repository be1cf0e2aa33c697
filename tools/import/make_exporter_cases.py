"""Importer test files written the way real exporters write them, each with its reference output from PyTorch
(float64 forward of the float32 weights in the file):

A. bare_*.safetensors      safetensors.torch.save_file(module.state_dict()) of a bare nn.LSTM/GRU/RNN/Linear
                           (tensor names with no module prefix), written by safetensors_writer.py (same bytes)
B. torch_json_*.json       json.dump({k: v.tolist() for k, v in model.state_dict().items()}) — RTNeural's PyTorch
                           examples and GuitarML-style scripts dump a state_dict like this (keys in registration order)
C. nam_*.nam               NeuralAmpModeler .nam files, architecture "LSTM" (plus a WaveNet one the importer refuses)
D. rtneural_torch_*.json   RTNeural's PyTorch exporter (python/model_utils_torch.py), re-implemented from its
                           description below (no code copied)

Run with Debian's /usr/bin/python3 (torch 1.13, numpy). Deterministic: every case seeds its own generators.
usage: make_exporter_cases.py [DATA_DIR]
"""
import json, os, shutil, sys

import numpy as np
import torch
from torch import nn

from safetensors_writer import save_file  # same bytes as safetensors.torch.save_file (not installable here)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../tests/RnnGen.Import.Tests/Data")
SHARED = os.path.join(HERE, "../../../shared/models")  # the real NAM example model (MIT), see README.md
os.makedirs(OUT, exist_ok=True)
SOURCE = f"PyTorch {torch.__version__} (float64 forward of the file's float32 weights)"


def save_expected(name, x, y, source=SOURCE, **extra):
    """x: [T, in], y: [T, out] or [out] → <name>.expected.json, as make_cases.py writes it, plus "source" (and extra)."""
    with open(os.path.join(OUT, name + ".expected.json"), "w") as f:
        json.dump({"timeSteps": int(x.shape[0]), "input": [float(v) for v in x.ravel()], "dims": None,
                   "output": [float(v) for v in np.asarray(y).ravel()], "source": source, **extra}, f)


def run(module_fn, modules, x):
    """float64 forward of float32 weights (the modules are put back to float32 afterwards)."""
    for m in modules:
        m.double()
    try:
        with torch.no_grad():
            return module_fn(torch.tensor(x, dtype=torch.float64)).numpy()
    finally:
        for m in modules:
            m.float()


def f32(t):
    return t.detach().cpu().numpy().astype(np.float32)


def state(module):
    """state_dict() as float32 numpy arrays, in state_dict order."""
    return {k: f32(v) for k, v in module.state_dict().items()}


def liven(module, input_gain=8.0, weight_gain=1.5):
    """PyTorch's default init (±1/sqrt(H)) barely responds to audio-level inputs (|x| < 0.5), and scaling every
    parameter saturates the gates; trained audio models have large input weights. So: the first layer's input
    weights × input_gain, the other weight matrices × weight_gain, biases unchanged (a Linear: weight × weight_gain).
    A livelier output makes a wrong import show."""
    with torch.no_grad():
        for name, p in module.named_parameters():
            if name.startswith("weight_ih_l0"):
                p.mul_(input_gain)
            elif name.startswith("weight"):
                p.mul_(weight_gain)
    return module


def randn(seed, *shape):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


# ---------------------------------------------------------------------------------------------------------------
# A. Bare modules: save_file(module.state_dict(), path) → weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, _reverse, _l1…
def bare(name, seed, make, T):
    torch.manual_seed(seed)
    m = make()
    x = randn(seed, T, m.input_size if hasattr(m, "input_size") else m.in_features)
    if isinstance(m, nn.Linear):
        y = run(lambda t: m(t), [m], x)
    else:
        y = run(lambda t: m(t[:, None, :])[0][:, 0, :], [m], x)  # time-major, batch 1: output of every step
    save_file(state(m), os.path.join(OUT, name + ".safetensors"))
    save_expected(name, x, y)


bare("bare_lstm", 101, lambda: nn.LSTM(8, 32), 16)
bare("bare_gru_two_layers", 102, lambda: nn.GRU(3, 6, num_layers=2), 20)
bare("bare_rnn_nobias", 103, lambda: nn.RNN(4, 5, bias=False), 14)
bare("bare_lstm_bidir", 104, lambda: nn.LSTM(3, 4, bidirectional=True), 18)
bare("bare_gru_bidir_two_layers_nobias", 105, lambda: nn.GRU(2, 3, num_layers=2, bidirectional=True, bias=False), 15)
bare("bare_linear", 106, lambda: nn.Linear(5, 3), 12)


# ---------------------------------------------------------------------------------------------------------------
# B. state_dict dumped as JSON: {name: tensor.tolist()} in state_dict (= module registration) order.
def dump_state_json(name, module):
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump({k: v.tolist() for k, v in module.state_dict().items()}, f)


class LstmStack(nn.Module):  # the shape of RTNeural's python/lstm_torch.py example model, other sizes
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(1, 16)
        self.lstm2 = nn.LSTM(16, 12, num_layers=3)
        self.dense = nn.Linear(12, 1)

    def forward(self, x):
        return self.dense(self.lstm2(self.lstm(x)[0])[0])


class GruFc(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(2, 8)
        self.fc = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc(self.gru(x)[0])


class Order(nn.Module):
    """Two Linear(8, 8) in a row: sizes cannot tell their order, and name order (a_second < z_first) is wrong."""

    def __init__(self):
        super().__init__()
        self.rnn = nn.GRU(4, 8)
        self.z_first = nn.Linear(8, 8)
        self.a_second = nn.Linear(8, 8)
        self.head = nn.Linear(8, 2)

    def forward(self, x, order=("z_first", "a_second")):
        y = self.rnn(x)[0]
        for n in order:
            y = getattr(self, n)(y)
        return self.head(y)


def audio(seed, T):
    """Audio-like: two sines plus a little noise, one channel."""
    t = np.arange(T)
    noise = np.random.default_rng(seed).standard_normal(T)
    return (0.4 * np.sin(2 * np.pi * 0.031 * t + 0.3) + 0.25 * np.sin(2 * np.pi * 0.117 * t) + 0.01 * noise).astype(np.float32)[:, None]


torch.manual_seed(201)
model = LstmStack()
liven(model.lstm), liven(model.lstm2, 2.5, 2.5), liven(model.dense, weight_gain=3.0)
x = audio(201, 40)
y = run(lambda t: model(t[:, None, :])[:, 0, :], [model], x)
dump_state_json("torch_json_lstm_stack", model)
save_expected("torch_json_lstm_stack", x, y)

torch.manual_seed(202)
model = GruFc()
x = randn(202, 24, 2)
y = run(lambda t: model(t[:, None, :])[:, 0, :], [model], x)
dump_state_json("torch_json_gru_fc", model)
save_expected("torch_json_gru_fc", x, y)

torch.manual_seed(203)
model = Order()
with torch.no_grad():  # larger than the default init, so the two orders differ clearly
    for lin in (model.z_first, model.a_second):
        lin.weight.uniform_(-0.9, 0.9)
        lin.bias.uniform_(-0.5, 0.5)
x = randn(203, 20, 4)
y = run(lambda t: model(t[:, None, :])[:, 0, :], [model], x)
wrong = run(lambda t: model(t[:, None, :], order=("a_second", "z_first"))[:, 0, :], [model], x)
assert np.abs(y - wrong).max() > 1e-2, f"the two orders are too close: {np.abs(y - wrong).max()}"
dump_state_json("torch_json_order", model)
save_expected("torch_json_order", x, y, order=["rnn", "z_first", "a_second", "head"])


# ---------------------------------------------------------------------------------------------------------------
# C. NeuralAmpModeler .nam, architecture "LSTM". Flat "weights", as NAM's exporter writes them (nam/models/recurrent.py,
# LSTM._export_weights) and NeuralAmpModelerCore reads them (NAM/lstm.cpp): for each layer l,
#   cat([weight_ih_l, weight_hh_l], dim=1) row-major ([4H, in_l + H], gates i, f, g, o), bias_ih_l + bias_hh_l (4H),
#   the initial hidden state (H), the initial cell state (H);
# then the head nn.Linear(H, 1): weight (H), bias (1). Output per sample = head(last layer's hidden state).
def nam_unpack(config, w):
    """The flat weights → per layer (w_ih, w_hh, b, h0, c0) and (head_w, head_b)."""
    I, H, L = config["input_size"], config["hidden_size"], config["num_layers"]
    w, k, layers = np.asarray(w, dtype=np.float32), 0, []
    for layer in range(L):
        n_in = I if layer == 0 else H
        m = w[k:k + 4 * H * (n_in + H)].reshape(4 * H, n_in + H)
        k += m.size
        b, h0, c0 = w[k:k + 4 * H], w[k + 4 * H:k + 5 * H], w[k + 5 * H:k + 6 * H]
        k += 6 * H
        layers.append((m[:, :n_in], m[:, n_in:], b, h0, c0))
    head_w, head_b = w[k:k + H], w[k + H]
    assert k + H + 1 == len(w), f"{len(w)} weights, the config needs {k + H + 1}"
    return layers, (head_w, head_b)


def nam_torch(config, w, x):
    """PyTorch reference: nn.LSTM + nn.Linear from the file (summed bias in bias_ih, zeros in bias_hh), run from the
    file's initial states, float64. x: [T, I] → [T]."""
    layers, (head_w, head_b) = nam_unpack(config, w)
    lstm = nn.LSTM(config["input_size"], config["hidden_size"], num_layers=config["num_layers"])
    head = nn.Linear(config["hidden_size"], 1)
    with torch.no_grad():
        for l, (wih, whh, b, _, _) in enumerate(layers):
            getattr(lstm, f"weight_ih_l{l}").copy_(torch.from_numpy(wih))
            getattr(lstm, f"weight_hh_l{l}").copy_(torch.from_numpy(whh))
            getattr(lstm, f"bias_ih_l{l}").copy_(torch.from_numpy(b))
            getattr(lstm, f"bias_hh_l{l}").zero_()
        head.weight.copy_(torch.from_numpy(head_w)[None])
        head.bias.fill_(float(head_b))
    h0 = torch.tensor(np.stack([l[3] for l in layers])[:, None, :], dtype=torch.float64)
    c0 = torch.tensor(np.stack([l[4] for l in layers])[:, None, :], dtype=torch.float64)
    return run(lambda t: head(lstm(t[:, None, :], (h0, c0))[0])[:, 0, 0], [lstm, head], x)


def nam_numpy(config, w, x):
    """NeuralAmpModelerCore's LSTMCell::process_ from its formulas, float64: xh = [x, h]; ifgo = W·xh + b;
    c = σ(f)·c + σ(i)·tanh(g); h = σ(o)·tanh(c); output = head_w·h + head_b. A check of nam_unpack's reading."""
    layers, (head_w, head_b) = nam_unpack(config, w)
    sig = lambda v: 1 / (1 + np.exp(-v))
    H = config["hidden_size"]
    cells = [(np.concatenate([wih, whh], 1).astype(np.float64), b.astype(np.float64), h0.astype(np.float64), c0.astype(np.float64))
             for wih, whh, b, h0, c0 in layers]
    out = np.empty(len(x))
    for t in range(len(x)):
        v = x[t].astype(np.float64)
        for i, (W, b, h, c) in enumerate(cells):
            ifgo = W @ np.concatenate([v, h]) + b
            c = sig(ifgo[H:2 * H]) * c + sig(ifgo[:H]) * np.tanh(ifgo[2 * H:3 * H])
            h = sig(ifgo[3 * H:]) * np.tanh(c)
            cells[i] = (W, b, h, c)
            v = h
        out[t] = head_w.astype(np.float64) @ v + float(head_b)
    return out


def guitar(seed, n=12000, fs=48000):
    """A guitar-like test signal: four plucked notes (E2 A2 D3 G3), each a sum of decaying harmonics with a short
    attack, left ringing under the next; peak 0.45, plus a little noise."""
    rng = np.random.default_rng(seed)
    y = np.zeros(n)
    for start, f0 in zip(range(0, n, n // 4), (82.41, 110.0, 146.83, 196.0)):
        t = np.arange(n - start) / fs
        note = sum(np.exp(-t * k / 0.25) * np.sin(2 * np.pi * k * f0 * t + rng.uniform(0, 2 * np.pi)) / k for k in range(1, 9))
        y[start:] += note * (1 - np.exp(-t / 0.002))
    y *= 0.45 / np.abs(y).max()
    return (y + 1e-4 * rng.standard_normal(n)).astype(np.float32)


def nam_case(name, x):
    with open(os.path.join(OUT, name + ".nam")) as f:
        nam = json.load(f)
    assert nam["architecture"] == "LSTM"
    y = nam_torch(nam["config"], nam["weights"], x)
    check = nam_numpy(nam["config"], nam["weights"], x)
    assert np.abs(y - check).max() < 1e-6, f"{name}: numpy LSTMCell vs PyTorch {np.abs(y - check).max()}"
    save_expected(name, x, y, source=f"PyTorch {torch.__version__} (float64 nn.LSTM + nn.Linear built from the .nam "
                                         "weights, run from the file's initial states)")


def write_nam(name, I, H, L, seed, metadata):
    """A .nam as NAM's exporter writes it: json.dump (no indent) of version, metadata, architecture, config, weights
    (float32 values as Python floats), sample_rate. Initial states: random, non-zero."""
    torch.manual_seed(seed)
    core, head = liven(nn.LSTM(I, H, num_layers=L)), liven(nn.Linear(H, 1), weight_gain=2.0)
    rng = np.random.default_rng(seed)
    h0 = rng.uniform(-0.8, 0.8, (L, H)).astype(np.float32)
    c0 = rng.uniform(-1.5, 1.5, (L, H)).astype(np.float32)
    parts = []
    for l in range(L):
        parts += [torch.cat([getattr(core, f"weight_ih_l{l}"), getattr(core, f"weight_hh_l{l}")], dim=1),
                  getattr(core, f"bias_ih_l{l}") + getattr(core, f"bias_hh_l{l}"), torch.from_numpy(h0[l]), torch.from_numpy(c0[l])]
    parts += [head.weight, head.bias]
    weights = np.concatenate([f32(p).ravel() for p in parts])
    with open(os.path.join(OUT, name + ".nam"), "w") as f:
        json.dump({"version": "0.5.4", "metadata": metadata, "architecture": "LSTM",
                   "config": {"input_size": I, "hidden_size": H, "num_layers": L},
                   "weights": weights.tolist(), "sample_rate": 48000}, f)


def nam_metadata(name, loudness, gain, gear_type, tone_type):
    return {"date": {"year": 2026, "month": 1, "day": 1, "hour": 12, "minute": 0, "second": 0}, "loudness": loudness,
            "gain": gain, "name": name, "modeled_by": "RnnGen tests", "gear_type": gear_type, "gear_make": "RnnGen",
            "gear_model": "Synthetic (random weights)", "tone_type": tone_type, "input_level_dbu": None, "output_level_dbu": None}


# The real NAM example (NeuralAmpModelerCore example_models/lstm.nam, MIT; notice in NAM-LICENSE.txt), copied as is.
shutil.copyfile(os.path.join(SHARED, "nam_lstm.nam"), os.path.join(OUT, "nam_lstm.nam"))
shutil.copyfile(os.path.join(SHARED, "NAM-LICENSE.txt"), os.path.join(OUT, "NAM-LICENSE.txt"))
nam_case("nam_lstm", guitar(301)[:, None])

write_nam("nam_lstm_two_layers", 1, 8, 2, 302, nam_metadata("RnnGen test LSTM 2x8", -21.5, 0.42, "amp", "crunch"))
nam_case("nam_lstm_two_layers", guitar(302)[:, None])

write_nam("nam_lstm_three_layers_in2", 2, 5, 3, 303, nam_metadata("RnnGen test LSTM 3x5, knob input", -18.25, 0.61, "pedal", "overdrive"))
signal = guitar(303)
nam_case("nam_lstm_three_layers_in2", np.stack([signal, np.full_like(signal, 0.3)], axis=1))  # channel 1: a knob at 0.3


def wavenet_weight_count(config):
    """Per layer array: rechannel 1x1 (no bias); per dilation: dilated conv (bias), input mixin 1x1 (no bias), 1x1 (bias);
    head rechannel 1x1 (bias if head_bias); after all arrays, head_scale."""
    n = 0
    for a in config["layers"]:
        ch, k, gate = a["channels"], a["kernel_size"], 2 if a["gated"] else 1
        n += ch * a["input_size"]
        n += len(a["dilations"]) * (gate * ch * ch * k + gate * ch + gate * ch * a["condition_size"] + ch * ch + ch)
        n += a["head_size"] * ch + (a["head_size"] if a["head_bias"] else 0)
    return n + 1


# A tiny WaveNet .nam (the architecture NAM users train most), only for the importer to list and refuse by name.
wavenet = {"layers": [
    {"input_size": 1, "condition_size": 1, "head_size": 2, "channels": 2, "kernel_size": 3, "dilations": [1, 2],
     "activation": "Tanh", "gated": False, "head_bias": False},
    {"input_size": 2, "condition_size": 1, "head_size": 1, "channels": 2, "kernel_size": 3, "dilations": [1, 2],
     "activation": "Tanh", "gated": False, "head_bias": True}], "head": None, "head_scale": 0.02}
with open(os.path.join(SHARED, "nam_wavenet_standard.nam")) as f:
    standard = json.load(f)
assert wavenet_weight_count(standard["config"]) == len(standard["weights"])  # the count formula matches the real file
w = np.random.default_rng(304).uniform(-0.5, 0.5, wavenet_weight_count(wavenet) - 1).astype(np.float32).tolist()
with open(os.path.join(OUT, "nam_wavenet_tiny.nam"), "w") as f:
    json.dump({"version": "0.5.4", "metadata": nam_metadata("RnnGen test WaveNet", -30.0, 0.3, "amp", "clean"),
               "architecture": "WaveNet", "config": wavenet, "weights": w + [float(np.float32(0.02))], "sample_rate": 48000}, f)


# ---------------------------------------------------------------------------------------------------------------
# D. RTNeural's PyTorch exporter (python/model_utils_torch.py, save_model(model, filename, input_shape)), from its
# behaviour: json.dump(indent=4) of {"in_shape": [None] + list(input_shape), "layers": [...]}, one entry per
# model.named_children() (names ending in "_activation" skipped) with keys name, type, activation, shape, weights:
#   shape   [None, input_shape[0], out_size] (input_shape[0] is what RTNeural's own example passes: the sequence length)
#   lstm    activation "tanh"; weights [[weight_ih_l0 flattened]] (only right for input size 1),
#           weight_hh_l0 column by column (= its transpose), bias_ih_l0 ONLY (bias_hh is dropped: lossy)
#   gru     activation "tanh"; r and z gate blocks swapped (PyTorch r,z,n → z,r,n) in weights and both biases; the
#           kernels column by column (= transposed); biases [bias_ih, bias_hh]
#   dense   activation "" (unless the model has a dense_activation); weights [[w] for w in weight flattened] (only right
#           for out_features 1), bias
# Only layer 0 of a recurrent module is exported. The models below have one layer, input size 1, Dense to 1, and
# the LSTM's bias_hh is zero, so these files hold the whole model exactly.
def swap_zr(a, H):
    return np.concatenate([a[H:2 * H], a[:H], a[2 * H:]])


def rtneural_torch_layer(name, layer, T):
    if isinstance(layer, nn.LSTM):
        w = [[f32(layer.weight_ih_l0).ravel().tolist()], f32(layer.weight_hh_l0).T.tolist(), f32(layer.bias_ih_l0).tolist()]
        return {"name": name, "type": "lstm", "activation": "tanh", "shape": [None, T, layer.hidden_size], "weights": w}
    if isinstance(layer, nn.GRU):
        H = layer.hidden_size
        w = [swap_zr(f32(layer.weight_ih_l0), H).T.tolist(), swap_zr(f32(layer.weight_hh_l0), H).T.tolist(),
             [swap_zr(f32(layer.bias_ih_l0), H).tolist(), swap_zr(f32(layer.bias_hh_l0), H).tolist()]]
        return {"name": name, "type": "gru", "activation": "tanh", "shape": [None, T, H], "weights": w}
    assert isinstance(layer, nn.Linear)
    w = [[[v] for v in f32(layer.weight).ravel().tolist()], f32(layer.bias).tolist()]
    return {"name": name, "type": "dense", "activation": "", "shape": [None, T, layer.out_features], "weights": w}


def rtneural_torch(name, seed, rnn_type, T):
    torch.manual_seed(seed)
    rnn = liven(rnn_type(1, 8, batch_first=True))
    model = nn.Module()
    model.add_module("lstm" if rnn_type is nn.LSTM else "gru", rnn)
    model.add_module("dense", nn.Linear(8, 1))
    if rnn_type is nn.LSTM:
        with torch.no_grad():
            rnn.bias_hh_l0.zero_()  # the exporter writes bias_ih only
    x = audio(seed, T)
    y = run(lambda t: model.dense(rnn(t[None])[0])[0], [model], x)  # batch_first, batch 1
    input_shape = x.shape  # (T, 1), as RTNeural's lstm_torch.py passes torch_in.shape
    doc = {"in_shape": [None] + list(input_shape),
           "layers": [rtneural_torch_layer(n, l, input_shape[0]) for n, l in model.named_children() if not n.endswith("_activation")]}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(doc, f, indent=4)
    check = rtneural_forward(json.loads(json.dumps(doc)), x)
    assert np.abs(check - y).max() < 1e-9, f"{name}: the file read in Keras layout is not the PyTorch model"
    save_expected(name, x, y)


def rtneural_forward(doc, x):
    """The file read as RTNeural reads it (Keras layout: kernels [in][gates], LSTM i,f,c,o with one bias, GRU z,r,h
    with biases [input, recurrent] applied reset-after), float64 — checks that the file holds the whole model."""
    sig = lambda v: 1 / (1 + np.exp(-v))
    y = x.astype(np.float64)
    for layer in doc["layers"]:
        w = [np.asarray(a, dtype=np.float64) for a in layer["weights"]]
        if layer["type"] == "dense":
            y = y @ w[0] + w[1]
            continue
        K, R, b = w
        H, h, c, out = R.shape[0], np.zeros(R.shape[0]), np.zeros(R.shape[0]), []
        for v in y:
            if layer["type"] == "lstm":
                g = v @ K + h @ R + b
                c = sig(g[H:2 * H]) * c + sig(g[:H]) * np.tanh(g[2 * H:3 * H])
                h = sig(g[3 * H:]) * np.tanh(c)
            else:
                gi, gh = v @ K + b[0], h @ R + b[1]
                z, r = sig(gi[:H] + gh[:H]), sig(gi[H:2 * H] + gh[H:2 * H])
                h = z * h + (1 - z) * np.tanh(gi[2 * H:] + r * gh[2 * H:])
            out.append(h)
        y = np.array(out)
    return y


rtneural_torch("rtneural_torch_lstm", 401, nn.LSTM, 32)
rtneural_torch("rtneural_torch_gru", 402, nn.GRU, 32)
print("make_exporter_cases: wrote", OUT)
