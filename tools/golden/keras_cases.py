"""Keras-semantics golden cases (computed by TensorFlow.js, see tfjs_cases.mjs).

  keras_cases.py prepare JOB.json          seeded weights (Keras get_weights() shapes, non-zero
                                           biases), inputs and initial states for every keras_ case
  node tfjs_cases.mjs JOB.json RESULT.json builds the tfjs layers, sets the weights, runs them
  keras_cases.py finish JOB.json RESULT.json
                                           cross-checks RESULT against reference.py and writes
                                           Data/keras_*.json and samples/Quickstart/weights/*.f32

Cases with init="keras_default" do not get weights from here: tfjs creates them with Keras'
default initializers (glorot_uniform / orthogonal / zeros) and fixed seeds.
"""
import json
import sys

import numpy as np

import reference
from cases import REC_KINDS, cases_for, case_seed, dirs, gate_count, make_runs
from golden_io import write_case, write_quickstart


def keras_weight_shapes(case):
    shapes, n_in = [], case["inputSize"]
    for layer in case["layers"]:
        if layer["kind"] == "Activation":
            continue
        assert not layer.get("learnedInitialState"), "Keras has no learned initial state"
        H = layer["units"]
        if layer["kind"] == "Dense":
            shapes.append([n_in, H])
            if layer["useBias"]:
                shapes.append([H])
            n_in = H
            continue
        G = gate_count(layer["kind"])
        for _ in range(dirs(layer)):
            shapes += [[n_in, G * H], [H, G * H]]
            if layer["useBias"]:
                shapes.append([2, G * H] if (layer["kind"] == "Gru" and layer["resetAfter"]) else [G * H])
        n_in = 2 * H if (dirs(layer) == 2 and layer["mergeMode"] == "Concat") else H
    return shapes


def random_weights(case):
    rng = np.random.default_rng(case_seed(case["name"]))
    scale = case.get("weightScale", 1.0)
    out, si = [], 0
    shapes = keras_weight_shapes(case)
    for layer in case["layers"]:
        if layer["kind"] == "Activation":
            continue
        n = 2 if layer["kind"] == "Dense" else (3 * dirs(layer))
        if not layer["useBias"]:
            n -= 1 if layer["kind"] == "Dense" else dirs(layer)
        s = scale / np.sqrt(layer["units"])
        for shp in shapes[si:si + n]:
            out.append(rng.uniform(-s, s, size=shp).astype(np.float32))
        si += n
    assert si == len(shapes)
    return out


def prepare(job_path):
    job = []
    for case in cases_for("keras"):
        entry = {"case": case, "shapes": keras_weight_shapes(case)}
        if case.get("init") != "keras_default":
            entry["weights"] = [w.ravel().tolist() for w in random_weights(case)]
        entry["seed"] = case_seed(case["name"]) % 100000
        entry["runs"] = [{"timeSteps": r["timeSteps"], "inputs": r["inputs"].ravel().tolist(),
                          "initialStates": [dict(s, values=s["values"].tolist()) for s in r["initialStates"]]}
                         for r in make_runs(case)]
        job.append(entry)
    with open(job_path, "w") as f:
        json.dump(job, f)


def finish(job_path, result_path):
    job = json.load(open(job_path))
    result = json.load(open(result_path))
    framework = "TensorFlow.js %s (Keras semantics)" % result["version"]
    worst = 0.0
    for entry in job:
        case = entry["case"]
        res = result["cases"][case["name"]]
        shapes = [list(s) for s in res["weightShapes"]]
        if shapes != entry["shapes"]:
            raise SystemExit("%s: tfjs weight shapes %s != expected %s" % (case["name"], shapes, entry["shapes"]))
        params = np.concatenate([np.asarray(w, np.float32).ravel() for w in res["weights"]])
        if "weights" in entry:
            sent = np.concatenate([np.asarray(w, np.float32).ravel() for w in entry["weights"]])
            assert np.array_equal(sent, params), case["name"] + ": getWeights() != setWeights()"
        runs = []
        for rin, rout in zip(entry["runs"], res["runs"]):
            runs.append({"timeSteps": rin["timeSteps"],
                         "inputs": np.asarray(rin["inputs"], np.float32).reshape(rin["timeSteps"], -1),
                         "initialStates": rin["initialStates"],
                         "outputs": np.asarray(rout["outputs"], np.float32),
                         "finalStates": rout["finalStates"]})
        diffs = [reference.max_diff(case, params, "Keras", r) for r in runs]
        worst = max(worst, max(diffs))
        write_case(case, framework, "Keras", params, runs)
        if case.get("quickstart"):
            write_quickstart(case["quickstart"], params)
        print("%-40s params=%-7d numpy max|diff|=%.3g" % (case["name"], params.size, max(diffs)))
    print("keras/tfjs: worst numpy cross-check diff %.3g" % worst)
    if worst > 1e-4:
        raise SystemExit("keras/tfjs: numpy cross-check disagrees (> 1e-4)")


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare(sys.argv[2])
    elif sys.argv[1] == "finish":
        finish(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(__doc__)
