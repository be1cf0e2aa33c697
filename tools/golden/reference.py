"""Independent float64 numpy implementation of RnnGen semantics, used ONLY as a sanity check.

It unpacks the flat parameter list of a golden case according to the layout rules written in
README.md (Keras / PyTorch / Onnx ordering and gate orders), runs the model with Keras semantics
(batch 1) and returns outputs and final states in the golden JSON order. If a framework's output
agrees with this, the parameter ordering and the output conventions in the data are as documented.
"""
import numpy as np

from cases import REC_KINDS, gate_count, dirs, state_slots

# Canonical gate order used here: LSTM (i, f, c, o), GRU (z, r, h), SimpleRNN (h).
# For each layout: position (in the framework's own order) of each canonical gate.
GATE_POS = {
    "Keras": {"Lstm": [0, 1, 2, 3], "Gru": [0, 1, 2], "SimpleRnn": [0]},       # i f c o / z r h
    "PyTorch": {"Lstm": [0, 1, 2, 3], "Gru": [1, 0, 2], "SimpleRnn": [0]},     # i f g o / r z n
    "Onnx": {"Lstm": [0, 2, 3, 1], "Gru": [0, 1, 2], "SimpleRnn": [0]},        # i o f c / z r h
}


def act(name, x, alpha=None):
    if name == "Elu":
        a = 1.0 if alpha is None else alpha
        return np.where(x > 0, x, a * np.expm1(np.minimum(x, 0.0)))
    if name == "LeakyRelu":
        return np.where(x >= 0, x, alpha * x)
    if name == "Linear":
        return x
    if name == "Tanh":
        return np.tanh(x)
    if name == "Sigmoid":
        return 1.0 / (1.0 + np.exp(-x))
    if name == "HardSigmoid":
        return np.clip(0.2 * x + 0.5, 0.0, 1.0)
    if name == "HardSigmoidKeras3":
        return np.clip(x / 6.0 + 0.5, 0.0, 1.0)
    if name == "Relu":
        return np.maximum(x, 0.0)
    if name == "Softmax":
        e = np.exp(x - x.max())
        return e / e.sum()
    raise ValueError(name)


class _Reader:
    def __init__(self, flat):
        self.flat = np.asarray(flat, dtype=np.float64).ravel()
        self.pos = 0

    def take(self, *shape):
        n = int(np.prod(shape))
        a = self.flat[self.pos:self.pos + n].reshape(shape)
        self.pos += n
        return a


def _split_rows(m, G, H, pos):
    """m: [G*H, X] in framework gate order -> list of [H, X] in canonical order."""
    return [m[p * H:(p + 1) * H] for p in pos]


def unpack(layout, input_size, layers, flat):
    """Returns per layer: for Dense (W [out,in], b); for recurrent a list per direction of
    dict(Wx=[G][H,in], Wh=[G][H,H], bx=[G][H], bh=[G][H])."""
    rd = _Reader(flat)
    params = []
    n_in = input_size
    for layer in layers:
        kind, H = layer["kind"], layer.get("units")
        if kind == "Activation":
            params.append(None)
            continue
        if kind == "Dense":
            if layout == "Keras":
                W = rd.take(n_in, H).T
            else:  # PyTorch nn.Linear and Onnx Gemm(transB=1) both store [out, in]
                W = rd.take(H, n_in)
            b = rd.take(H) if layer["useBias"] else np.zeros(H)
            params.append((W, b))
            n_in = H
            continue
        G, D = gate_count(kind), dirs(layer)
        pos = GATE_POS[layout][kind]
        per_dir = []
        if layout == "Onnx":
            W = rd.take(D, G * H, n_in)
            Rm = rd.take(D, G * H, H)
            B = rd.take(D, 2 * G * H) if layer["useBias"] else np.zeros((D, 2 * G * H))
            h0 = rd.take(D, H) if layer.get("learnedInitialState") else None
            c0 = rd.take(D, H) if layer.get("learnedInitialState") and kind == "Lstm" else None
            for d in range(D):
                per_dir.append(dict(Wx=_split_rows(W[d], G, H, pos), Wh=_split_rows(Rm[d], G, H, pos),
                                    bx=_split_rows(B[d][:G * H], G, H, pos),
                                    bh=_split_rows(B[d][G * H:], G, H, pos),
                                    h0=None if h0 is None else h0[d], c0=None if c0 is None else c0[d]))
        else:
            for d in range(D):
                if layout == "Keras":
                    Wx = rd.take(n_in, G * H).T
                    Wh = rd.take(H, G * H).T
                    if not layer["useBias"]:
                        bx, bh = np.zeros(G * H), np.zeros(G * H)
                    elif kind == "Gru" and layer["resetAfter"]:
                        b2 = rd.take(2, G * H)
                        bx, bh = b2[0], b2[1]
                    else:
                        bx, bh = rd.take(G * H), np.zeros(G * H)
                else:  # PyTorch
                    Wx = rd.take(G * H, n_in)
                    Wh = rd.take(G * H, H)
                    if layer["useBias"]:
                        bx, bh = rd.take(G * H), rd.take(G * H)
                    else:
                        bx, bh = np.zeros(G * H), np.zeros(G * H)
                # a learned initial state follows each direction's tensors: h0, then LSTM c0
                h0 = rd.take(H) if layer.get("learnedInitialState") else None
                c0 = rd.take(H) if layer.get("learnedInitialState") and kind == "Lstm" else None
                per_dir.append(dict(Wx=_split_rows(Wx, G, H, pos), Wh=_split_rows(Wh, G, H, pos),
                                    bx=_split_rows(bx, G, H, pos), bh=_split_rows(bh, G, H, pos), h0=h0, c0=c0))
        params.append(per_dir)
        n_in = 2 * H if (D == 2 and layer["mergeMode"] == "Concat") else H
    if rd.pos != rd.flat.size:
        raise ValueError("parameter count mismatch: used %d of %d" % (rd.pos, rd.flat.size))
    return params


def _cell(layer, p, x, h, c):
    kind = layer["kind"]
    alpha = layer.get("alpha")
    a = lambda v: act(layer["activation"], v, alpha)
    ra = lambda v: act(layer.get("recurrentActivation", "Sigmoid"), v, alpha)
    pre = lambda g: p["Wx"][g] @ x + p["bx"][g] + p["Wh"][g] @ h + p["bh"][g]
    if kind == "SimpleRnn":
        return a(pre(0)), None
    if kind == "Lstm":
        i, f, o = ra(pre(0)), ra(pre(1)), ra(pre(3))
        c2 = f * c + i * a(pre(2))
        return o * a(c2), c2
    z, r = ra(pre(0)), ra(pre(1))
    if layer["resetAfter"]:
        cand = a(p["Wx"][2] @ x + p["bx"][2] + r * (p["Wh"][2] @ h + p["bh"][2]))
    else:
        cand = a(p["Wx"][2] @ x + p["bx"][2] + p["bh"][2] + p["Wh"][2] @ (r * h))
    return z * h + (1 - z) * cand, None


def _merge(mode, f, b):
    if mode == "Concat":
        return np.concatenate([f, b])
    if mode == "Sum":
        return f + b
    if mode == "Multiply":
        return f * b
    if mode == "Average":
        return (f + b) / 2
    raise ValueError(mode)


def run(case, flat, layout, inputs, initial_states):
    """inputs [T, in]; initial_states: list of {layer, direction, kind, values}.
    Returns (outputs flat, list of final state arrays in state_slots order)."""
    layers = case["layers"]
    params = unpack(layout, case["inputSize"], layers, flat)
    init = {(s["layer"], s["direction"], s["kind"]): np.asarray(s["values"], np.float64)
            for s in initial_states}
    seq = [np.asarray(x, np.float64) for x in inputs]
    finals = {}
    for li, layer in enumerate(layers):
        if layer["kind"] == "Activation":
            seq = [act(layer["activation"], x, layer.get("alpha")) for x in seq]
            continue
        if layer["kind"] == "Dense":
            W, b = params[li]
            seq = [act(layer["activation"], W @ x + b, layer.get("alpha")) for x in seq]
            continue
        H, T = layer["units"], len(seq)
        outs = []
        for d in range(dirs(layer)):
            backward = layer["direction"] == "Backward" or d == 1
            learned = params[li][d]
            # a given initial state wins; else the learned one; else zeros
            h = init.get((li, d, "hidden"), learned["h0"] if learned["h0"] is not None else np.zeros(H))
            c = init.get((li, d, "cell"), learned["c0"] if learned["c0"] is not None else np.zeros(H))
            ys = []
            for t in (range(T - 1, -1, -1) if backward else range(T)):
                h, c2 = _cell(layer, params[li][d], seq[t], h, c)
                if c2 is not None:
                    c = c2
                ys.append(h)
            finals[(li, d, "hidden")] = h
            finals[(li, d, "cell")] = c
            outs.append(ys)  # processing order
        if layer["direction"] == "Bidirectional":
            fwd, bwd = outs[0], outs[1][::-1]  # align backward half to input time
            if layer["returnSequences"]:
                seq = [_merge(layer["mergeMode"], fwd[t], bwd[t]) for t in range(T)]
            else:
                seq = [_merge(layer["mergeMode"], fwd[-1], outs[1][-1])]
        else:
            seq = outs[0] if layer["returnSequences"] else [outs[0][-1]]
    skip = case.get("skip", 0)
    if skip:
        # GuitarML's residual: each output step gets its input step's first `skip` features
        raw = [np.asarray(x, np.float64) for x in inputs][-len(seq):]
        seq = [np.concatenate([y[:skip] + x[:skip], y[skip:]]) for y, x in zip(seq, raw)]
    out = np.concatenate(seq)
    return out, [finals[s] for s in state_slots(case)]


def max_diff(case, flat, layout, run_data):
    """Max abs difference between this reference and the framework's outputs/final states."""
    out, fin = run(case, flat, layout, run_data["inputs"], run_data["initialStates"])
    m = float(np.max(np.abs(out - np.asarray(run_data["outputs"], np.float64).ravel())))
    for ref, got in zip(fin, run_data["finalStates"]):
        m = max(m, float(np.max(np.abs(ref - np.asarray(got["values"], np.float64)))))
    if len(fin) != len(run_data["finalStates"]):
        raise ValueError("final state count mismatch")
    return m
