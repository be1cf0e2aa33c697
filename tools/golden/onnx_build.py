"""ONNX golden cases (computed by ONNX Runtime, see ort_run.mjs).

  onnx_build.py build DIR        writes DIR/<case>.onnx (one RNN/LSTM/GRU node, opset 14, seeded
                                 random W/R/B as initializers, optional Gemm for a Dense layer)
                                 and DIR/job.json (feeds per run) for ort_run.mjs
  node ort_run.mjs DIR/job.json DIR/result.json
  onnx_build.py finish DIR       converts ONNX Runtime's raw Y / Y_h / Y_c / Gemm output to RnnGen
                                 semantics, cross-checks against reference.py and writes
                                 Data/onnx_*.json

Graph inputs: X [T, 1, in] (seq_length x batch x input, layout=0), initial_h / initial_c
[dirs, 1, H]. A run without initial state is fed zeros (ONNX: a missing initial_h means zeros).

Conversions to RnnGen semantics (checked at run time by assertions below):
  * direction="reverse": ONNX Runtime returns Y aligned to INPUT time (Y[t] = state right after
    the reverse pass consumed x[t], so Y[0] == Y_h). RnnGen/Keras go_backwards returns sequences
    in PROCESSING order, so expected outputs = Y reversed in time.
  * direction="bidirectional": Y[t, 0] and Y[t, 1] are both aligned to input time; RnnGen's
    Concat merge = [Y[t,0], Y[t,1]]. Without returnSequences: [Y_h[0], Y_h[1]].
  * returnSequences=false: output = Y_h.
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

import reference
from cases import cases_for, case_seed, dirs, gate_count, make_runs, state_slots
from golden_io import write_case

OPSET = 14
OP = {"SimpleRnn": "RNN", "Lstm": "LSTM", "Gru": "GRU"}
DIRECTION = {"Forward": "forward", "Backward": "reverse", "Bidirectional": "bidirectional"}
ONNX_ACT = {"Tanh": "Tanh", "Relu": "Relu", "Sigmoid": "Sigmoid"}


def _node_activations(layer):
    """-> (activations, alpha, beta) or None when the ONNX defaults already match."""
    kind, a = layer["kind"], layer["activation"]
    ra = layer.get("recurrentActivation", "Sigmoid")
    alpha, beta = [], []
    if kind == "SimpleRnn":
        funcs = [ONNX_ACT[a]]
        default = ["Tanh"]
    else:
        if ra == "HardSigmoidKeras3":
            f = "HardSigmoid"
            alpha, beta = [1.0 / 6.0], [0.5]
        elif ra == "HardSigmoid":
            f = "HardSigmoid"
            alpha, beta = [0.2], [0.5]
        else:
            f = ONNX_ACT[ra]
        funcs = [f, ONNX_ACT[a]] + ([ONNX_ACT[a]] if kind == "Lstm" else [])
        default = ["Sigmoid", "Tanh"] + (["Tanh"] if kind == "Lstm" else [])
    if funcs == default:
        return None
    D = dirs(layer)
    return funcs * D, alpha * D, beta * D


def build_case(case):
    layers = case["layers"]
    rec, dense = layers[0], layers[1:]
    assert rec["kind"] in OP and len(dense) <= 1 and all(l["kind"] == "Dense" for l in dense), \
        "onnx cases: one recurrent node, optionally followed by one Dense (Gemm)"
    rng = np.random.default_rng(case_seed(case["name"]))
    H, D, G, n_in = rec["units"], dirs(rec), gate_count(rec["kind"]), case["inputSize"]
    s = case.get("weightScale", 1.0) / np.sqrt(H)
    W = rng.uniform(-s, s, (D, G * H, n_in)).astype(np.float32)
    R = rng.uniform(-s, s, (D, G * H, H)).astype(np.float32)
    params = [W, R]
    inits = [numpy_helper.from_array(W, "W"), numpy_helper.from_array(R, "R")]
    if rec["useBias"]:
        B = rng.uniform(-s, s, (D, 2 * G * H)).astype(np.float32)
        params.append(B)
        inits.append(numpy_helper.from_array(B, "B"))
    node_in = ["X", "W", "R", "B" if rec["useBias"] else "", "", "initial_h"]
    node_out = ["Y", "Y_h"]
    graph_in = [helper.make_tensor_value_info("X", TensorProto.FLOAT, ["T", 1, n_in]),
                helper.make_tensor_value_info("initial_h", TensorProto.FLOAT, [D, 1, H])]
    if rec["kind"] == "Lstm":
        node_in.append("initial_c")
        node_out.append("Y_c")
        graph_in.append(helper.make_tensor_value_info("initial_c", TensorProto.FLOAT, [D, 1, H]))
    attrs = {"hidden_size": H, "direction": DIRECTION[rec["direction"]]}
    acts = _node_activations(rec)
    if acts:
        attrs["activations"] = acts[0]
        if acts[1]:
            attrs["activation_alpha"], attrs["activation_beta"] = acts[1], acts[2]
    if rec["kind"] == "Gru":
        attrs["linear_before_reset"] = 1 if rec["resetAfter"] else 0
    if rec["direction"] == "Bidirectional" and rec["mergeMode"] != "Concat":
        raise ValueError("ONNX bidirectional output is only usable as Concat here")
    nodes = [helper.make_node(OP[rec["kind"]], node_in, node_out, name="rnn", **attrs)]
    graph_out = [helper.make_tensor_value_info("Y", TensorProto.FLOAT, ["T", D, 1, H]),
                 helper.make_tensor_value_info("Y_h", TensorProto.FLOAT, [D, 1, H])]
    if rec["kind"] == "Lstm":
        graph_out.append(helper.make_tensor_value_info("Y_c", TensorProto.FLOAT, [D, 1, H]))
    if dense:
        d = dense[0]
        assert d["activation"] == "Linear" and D == 1
        Wd = rng.uniform(-s, s, (d["units"], H)).astype(np.float32)   # Gemm transB=1: [out, in]
        bd = rng.uniform(-s, s, (d["units"],)).astype(np.float32)
        params += [Wd] + ([bd] if d["useBias"] else [])
        inits += [numpy_helper.from_array(Wd, "Wd"), numpy_helper.from_array(np.array([-1, H], np.int64), "shape2d")]
        if d["useBias"]:
            inits.append(numpy_helper.from_array(bd, "bd"))
        src = "Y" if rec["returnSequences"] else "Y_h"
        nodes.append(helper.make_node("Reshape", [src, "shape2d"], ["seq2d"]))
        nodes.append(helper.make_node("Gemm", ["seq2d", "Wd"] + (["bd"] if d["useBias"] else []), ["Out"], transB=1))
        graph_out.append(helper.make_tensor_value_info("Out", TensorProto.FLOAT, ["N", d["units"]]))
    graph = helper.make_graph(nodes, case["name"], graph_in, graph_out, initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="rnngen-golden")
    model.ir_version = 7
    onnx.checker.check_model(model)
    flat = np.concatenate([p.ravel() for p in params])
    return model, flat


def build(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    job = []
    for case in cases_for("onnx"):
        model, flat = build_case(case)
        path = os.path.join(out_dir, case["name"] + ".onnx")
        onnx.save(model, path)
        np.save(os.path.join(out_dir, case["name"] + ".params.npy"), flat)
        rec = case["layers"][0]
        H, D = rec["units"], dirs(rec)
        runs = []
        for r in make_runs(case):
            st = {(s["layer"], s["direction"], s["kind"]): s["values"] for s in r["initialStates"]}
            feeds = {"X": {"dims": [r["timeSteps"], 1, case["inputSize"]], "data": r["inputs"].ravel().tolist()}}
            for k, nm in (("hidden", "initial_h"), ("cell", "initial_c")):
                if k == "cell" and rec["kind"] != "Lstm":
                    continue
                v = np.stack([st.get((0, d, k), np.zeros(H, np.float32)) for d in range(D)])
                feeds[nm] = {"dims": [D, 1, H], "data": v.ravel().tolist()}
            runs.append({"feeds": feeds})
        job.append({"name": case["name"], "model": path, "runs": runs})
    with open(os.path.join(out_dir, "job.json"), "w") as f:
        json.dump(job, f)


def to_rnngen(case, raw):
    """ONNX Runtime raw outputs of one run -> (outputs, finalStates)."""
    rec = case["layers"][0]
    H, D = rec["units"], dirs(rec)
    T = raw["Y"]["dims"][0]
    Y = np.asarray(raw["Y"]["data"], np.float32).reshape(T, D, 1, H)[:, :, 0, :]
    Yh = np.asarray(raw["Y_h"]["data"], np.float32).reshape(D, H)
    Yc = np.asarray(raw["Y_c"]["data"], np.float32).reshape(D, H) if "Y_c" in raw else None
    # Verify the documented alignment: forward Y[T-1] == Y_h; reverse/backward half Y[0] == Y_h.
    for d in range(D):
        backward = rec["direction"] == "Backward" or d == 1
        assert np.array_equal(Y[0 if backward else T - 1, d], Yh[d]), \
            "%s: ONNX Runtime Y alignment differs from the documented one" % case["name"]
    if "Out" in raw:
        out = np.asarray(raw["Out"]["data"], np.float32)
    elif not rec["returnSequences"]:
        out = Yh.ravel()  # bidirectional: [fwd final, bwd final (after x[0])]
    elif rec["direction"] == "Backward":
        out = Y[::-1, 0, :].ravel()  # input-time aligned -> processing order
    else:
        out = Y.reshape(T, D * H).ravel()  # bidirectional concat per step
    finals = []
    for (li, d, k) in state_slots(case):
        finals.append({"layer": li, "direction": d, "kind": k, "values": (Yh if k == "hidden" else Yc)[d]})
    return out, finals


def finish(out_dir):
    result = json.load(open(os.path.join(out_dir, "result.json")))
    framework = "ONNX Runtime %s" % result["version"]
    worst = 0.0
    for case in cases_for("onnx"):
        flat = np.load(os.path.join(out_dir, case["name"] + ".params.npy"))
        res = result["cases"][case["name"]]
        if "error" in res:
            raise SystemExit("%s: ONNX Runtime failed: %s" % (case["name"], res["error"]))
        runs = []
        for rd, raw in zip(make_runs(case), res["runs"]):
            out, finals = to_rnngen(case, raw)
            runs.append(dict(rd, outputs=out, finalStates=finals))
        diffs = [reference.max_diff(case, flat, "Onnx", r) for r in runs]
        worst = max(worst, max(diffs))
        write_case(case, framework, "Onnx", flat, runs)
        print("%-40s params=%-7d numpy max|diff|=%.3g" % (case["name"], flat.size, max(diffs)))
    print("onnx: worst numpy cross-check diff %.3g" % worst)
    if worst > 1e-4:
        raise SystemExit("onnx: numpy cross-check disagrees (> 1e-4)")


if __name__ == "__main__":
    if sys.argv[1] == "build":
        build(sys.argv[2])
    elif sys.argv[1] == "finish":
        finish(sys.argv[2])
    else:
        raise SystemExit(__doc__)
