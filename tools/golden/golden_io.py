"""Writes one golden case JSON file deterministically (float32 values printed with %.9g)."""
import os

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA_DIR = os.path.join(ROOT, "tests", "RnnGen.Tests", "Golden", "Data")
QUICKSTART_DIR = os.path.join(ROOT, "samples", "Quickstart", "weights")

LAYER_KEYS = ["kind", "units", "activation", "alpha", "recurrentActivation", "useBias",
              "returnSequences", "direction", "mergeMode", "resetAfter", "learnedInitialState"]


def _num(v):
    s = "%.9g" % float(np.float32(v))
    if s in ("nan", "inf", "-inf"):
        raise ValueError("non-finite value in golden data")
    return s


def _arr(values):
    a = np.asarray(values, dtype=np.float32).ravel()
    return "[" + ", ".join(_num(v) for v in a) + "]"


def _val(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    return '"%s"' % v


def _layer(layer):
    return "{" + ", ".join('"%s": %s' % (k, _val(layer[k])) for k in LAYER_KEYS if k in layer) + "}"


def _states(states):
    if not states:
        return "[]"
    items = ['{"layer": %d, "direction": %d, "kind": "%s", "values": %s}'
             % (s["layer"], s["direction"], s["kind"], _arr(s["values"])) for s in states]
    return "[\n        " + ",\n        ".join(items) + "\n      ]"


def write_case(case, framework, layout, parameters, runs):
    """runs: list of dicts timeSteps, inputs, initialStates, outputs, finalStates."""
    lines = ["{",
             '  "name": "%s",' % case["name"],
             '  "framework": "%s",' % framework,
             '  "layout": "%s",' % layout,
             '  "inputSize": %d,' % case["inputSize"],
             '  "layers": [',
             ",\n".join("    " + _layer(l) for l in case["layers"]),
             "  ],",
             '  "parameters": %s,' % _arr(parameters),
             '  "runs": [']
    run_texts = []
    for r in runs:
        run_texts.append("\n".join([
            "    {",
            '      "timeSteps": %d,' % r["timeSteps"],
            '      "inputs": %s,' % _arr(r["inputs"]),
            '      "initialStates": %s,' % _states(r["initialStates"]),
            '      "outputs": %s,' % _arr(r["outputs"]),
            '      "finalStates": %s' % _states(r["finalStates"]),
            "    }"]))
    lines.append(",\n".join(run_texts))
    lines.append("  ]")
    lines.append("}")
    os.makedirs(DATA_DIR, exist_ok=True)
    path = os.path.join(DATA_DIR, case["name"] + ".json")
    with open(path, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    return path


def write_quickstart(name, parameters):
    os.makedirs(QUICKSTART_DIR, exist_ok=True)
    path = os.path.join(QUICKSTART_DIR, name + ".f32")
    np.asarray(parameters, dtype="<f4").ravel().tofile(path)
    return path
