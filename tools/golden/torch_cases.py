"""PyTorch golden cases: builds nn.RNN/LSTM/GRU (+ nn.Linear) with PyTorch's default init
(seeded), runs them on the seeded inputs, and writes Data/torch_*.json (layout "PyTorch").

Consecutive recurrent layers of the same kind/size/direction/bias/activation, where all but the
last return sequences, become ONE nn module with num_layers = their count (this is how the
parameter order weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, *_l0_reverse, *_l1 ... comes
out). Dense -> nn.Linear, with torch.softmax applied per step for activation Softmax; a standalone activation
layer -> nn.ELU / nn.LeakyReLU / nn.ReLU / nn.Tanh / nn.Sigmoid / nn.Softmax(dim=-1). A learned initial state
(NeuralAmpModeler's LSTM) is a seeded tensor per layer and direction, flattened after that direction's parameters.
"""
import sys

import numpy as np
import torch

import reference
from cases import REC_KINDS, cases_for, case_seed, make_runs, state_slots
from golden_io import write_case

FRAMEWORK = "PyTorch " + torch.__version__


def _same_module(a, b):
    keys = ("kind", "units", "direction", "useBias", "activation", "learnedInitialState")
    return a["returnSequences"] and b["kind"] in REC_KINDS and all(a.get(k) == b.get(k) for k in keys)


def group_layers(layers):
    """-> list of (first_layer_index, count)."""
    groups, i = [], 0
    while i < len(layers):
        n = 1
        if layers[i]["kind"] in REC_KINDS:
            while i + n < len(layers) and _same_module(layers[i + n - 1], layers[i + n]):
                n += 1
        groups.append((i, n))
        i += n
    return groups


ACTIVATION_MODULES = {
    "Elu": lambda l: torch.nn.ELU(alpha=l.get("alpha", 1.0)),
    "LeakyRelu": lambda l: torch.nn.LeakyReLU(negative_slope=l["alpha"]),
    "Relu": lambda l: torch.nn.ReLU(),
    "Tanh": lambda l: torch.nn.Tanh(),
    "Sigmoid": lambda l: torch.nn.Sigmoid(),
    "Softmax": lambda l: torch.nn.Softmax(dim=-1),
}


def build_module(layers, first, count, in_size):
    l0 = layers[first]
    kind = l0["kind"]
    if kind == "Activation":
        return ACTIVATION_MODULES[l0["activation"]](l0)
    if kind == "Dense":
        return torch.nn.Linear(in_size, l0["units"], bias=l0["useBias"])
    bidir = l0["direction"] == "Bidirectional"
    if l0["direction"] == "Backward":
        raise ValueError("PyTorch has no go_backwards layer")
    if bidir and l0["mergeMode"] != "Concat":
        raise ValueError("PyTorch bidirectional always concatenates")
    kw = dict(input_size=in_size, hidden_size=l0["units"], num_layers=count, bias=l0["useBias"],
              bidirectional=bidir)
    if kind == "SimpleRnn":
        return torch.nn.RNN(nonlinearity={"Tanh": "tanh", "Relu": "relu"}[l0["activation"]], **kw)
    if l0["activation"] != "Tanh" or l0["recurrentActivation"] != "Sigmoid":
        raise ValueError("PyTorch LSTM/GRU only have tanh/sigmoid")
    if kind == "Lstm":
        return torch.nn.LSTM(**kw)
    if not l0["resetAfter"]:
        raise ValueError("PyTorch GRU is always reset_after")
    return torch.nn.GRU(**kw)


def build_modules(case):
    """The case's seeded torch modules, one per group of layers -> (groups, modules)."""
    torch.manual_seed(case_seed(case["name"]))
    layers = case["layers"]
    groups = group_layers(layers)
    modules, in_size = [], case["inputSize"]
    for first, count in groups:
        m = build_module(layers, first, count, in_size)
        modules.append(m)
        last = layers[first + count - 1]
        if last["kind"] != "Activation":
            in_size = last["units"] * (2 if last.get("direction") == "Bidirectional" else 1)
    scale = case.get("weightScale")
    if scale:
        with torch.no_grad():
            for m in modules:
                for p in m.parameters():
                    p.mul_(scale)
    # learned initial states: [num_layers * directions, H] per module, like h0 / c0, seeded after the weights
    learned = {}
    for (first, count), m in zip(groups, modules):
        l0 = layers[first]
        if l0.get("learnedInitialState"):
            D = 2 if l0["direction"] == "Bidirectional" else 1
            learned[first] = {k: (torch.rand(count * D, l0["units"]) - 0.5) for k in
                              (("hidden", "cell") if l0["kind"] == "Lstm" else ("hidden",))}
    return groups, modules, learned


def flat_parameters(groups, modules, layers, learned):
    """parameters() order, with each learned h0 (and c0) right after its layer and direction's tensors."""
    out = []
    for (first, count), m in zip(groups, modules):
        l0 = layers[first]
        if l0["kind"] not in REC_KINDS or first not in learned:
            out += [p.detach().numpy().ravel() for p in m.parameters()]
            continue
        D = 2 if l0["direction"] == "Bidirectional" else 1
        for k in range(count):
            for d in range(D):
                sfx = "_l%d%s" % (k, "_reverse" if d else "")
                names = ("weight_ih", "weight_hh") + (("bias_ih", "bias_hh") if l0["useBias"] else ())
                out += [getattr(m, n + sfx).detach().numpy().ravel() for n in names]
                out += [learned[first][kind][k * D + d].numpy().ravel() for kind in ("hidden", "cell") if kind in learned[first]]
    return np.concatenate(out)


def run_case(case):
    layers = case["layers"]
    groups, modules, learned = build_modules(case)
    params = flat_parameters(groups, modules, layers, learned)
    if case.get("layout", "PyTorch") == "Keras":
        assert not learned, "learned initial states are golden-tested in the PyTorch layout"
        params = to_keras(modules, groups, layers)

    runs = []
    for rd in make_runs(case):
        T = rd["timeSteps"]
        init = {(s["layer"], s["direction"], s["kind"]): s["values"] for s in rd["initialStates"]}
        x = torch.from_numpy(rd["inputs"]).reshape(T, 1, case["inputSize"])  # [T, batch, in]
        finals = {}
        with torch.no_grad():
            for (first, count), m in zip(groups, modules):
                l0 = layers[first]
                if l0["kind"] == "Activation":
                    x = m(x)
                    continue
                if l0["kind"] == "Dense":
                    x = m(x)
                    if l0["activation"] == "Softmax":
                        x = torch.softmax(x, dim=-1)
                    elif l0["activation"] != "Linear":
                        raise ValueError("unsupported Dense activation for torch")
                    continue
                D = 2 if l0["direction"] == "Bidirectional" else 1
                H = l0["units"]

                def stacked(kind):
                    start = learned.get(first, {}).get(kind)
                    if start is None and not any((first + k, d, kind) in init for k in range(count) for d in range(D)):
                        return None
                    a = np.zeros((count * D, 1, H), np.float32)
                    for k in range(count):
                        for d in range(D):
                            # a given initial state wins; else the learned one; else zeros
                            fallback = start[k * D + d].numpy() if start is not None else np.zeros(H, np.float32)
                            a[k * D + d, 0] = init.get((first + k, d, kind), fallback)
                    return torch.from_numpy(a)

                h0, c0 = stacked("hidden"), stacked("cell")
                if l0["kind"] == "Lstm":
                    hc = None
                    if h0 is not None or c0 is not None:
                        z = torch.zeros(count * D, 1, H)
                        hc = (h0 if h0 is not None else z, c0 if c0 is not None else z)
                    y, (hn, cn) = m(x, hc)
                else:
                    y, hn = m(x, h0)
                    cn = None
                for k in range(count):
                    for d in range(D):
                        finals[(first + k, d, "hidden")] = hn[k * D + d, 0].numpy().copy()
                        if cn is not None:
                            finals[(first + k, d, "cell")] = cn[k * D + d, 0].numpy().copy()
                last = layers[first + count - 1]
                if last["returnSequences"]:
                    x = y
                else:
                    # final step only: forward half = last step, backward half = state after x[0]
                    x = y[-1:] if D == 1 else torch.cat([y[-1:, :, :H], y[:1, :, H:]], dim=-1)
        skip = case.get("skip", 0)
        if skip:
            # GuitarML: lin(lstm(x)) + x[..., :skip], for every output step (or the last one)
            raw = torch.from_numpy(rd["inputs"]).reshape(T, 1, case["inputSize"])[..., :skip]
            x = x + (raw if x.shape[0] == T else raw[-1:])
        out = x.reshape(-1).numpy().copy()
        runs.append({"timeSteps": T, "inputs": rd["inputs"], "initialStates": rd["initialStates"],
                     "outputs": out,
                     "finalStates": [{"layer": l, "direction": d, "kind": k, "values": finals[(l, d, k)]}
                                     for (l, d, k) in state_slots(case)]})
    return params, runs


def to_keras(modules, groups, layers):
    """PyTorch parameters -> Keras get_weights() order: kernels transposed to [in, G*H], gates reordered
    (GRU r,z,n -> z,r,h), LSTM/RNN bias pairs summed, GRU biases stacked [2, 3H] (reset_after=True)."""
    out = []
    for (first, count), m in zip(groups, modules):
        l0 = layers[first]
        if l0["kind"] == "Dense":
            out.append(m.weight.detach().numpy().T.ravel())
            if m.bias is not None:
                out.append(m.bias.detach().numpy().ravel())
            continue
        H = l0["units"]
        perm = {"Lstm": [0, 1, 2, 3], "Gru": [1, 0, 2], "SimpleRnn": [0]}[l0["kind"]]
        D = 2 if l0["direction"] == "Bidirectional" else 1

        def blocks(t):
            t = t.detach().numpy()
            return np.concatenate([t[p * H:(p + 1) * H] for p in perm], axis=0)

        for k in range(count):
            for d in range(D):
                sfx = "_l%d%s" % (k, "_reverse" if d else "")
                out += [blocks(getattr(m, "weight_ih" + sfx)).T.ravel(), blocks(getattr(m, "weight_hh" + sfx)).T.ravel()]
                if l0["useBias"]:
                    b_ih, b_hh = blocks(getattr(m, "bias_ih" + sfx)), blocks(getattr(m, "bias_hh" + sfx))
                    out.append(np.stack([b_ih, b_hh]).ravel() if l0["kind"] == "Gru" else (b_ih + b_hh).ravel())
    return np.concatenate(out).astype(np.float32)


def main():
    torch.set_num_threads(1)
    worst = 0.0
    only = set(sys.argv[1:])
    for case in cases_for("torch"):
        if only and case["name"] not in only:
            continue
        params, runs = run_case(case)
        layout = case.get("layout", "PyTorch")
        diffs = [reference.max_diff(case, params, layout, r) for r in runs]
        worst = max(worst, max(diffs))
        write_case(case, FRAMEWORK, layout, params, runs)
        print("%-40s params=%-7d numpy max|diff|=%.3g" % (case["name"], params.size, max(diffs)))
    print("torch: worst numpy cross-check diff %.3g" % worst)
    if worst > 1e-4:
        sys.exit("torch: numpy cross-check disagrees (> 1e-4)")


if __name__ == "__main__":
    main()
