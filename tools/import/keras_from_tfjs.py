"""Second half of rtneural_keras_export.mjs: from WORK_DIR/tfjs_cases.json (TensorFlow.js models, their weights and
outputs) writes every case's .expected.json (TF.js's model.predict output), the Keras 2 .h5 / Keras 3 .keras files,
and checks that the RTNeural JSON files are byte for byte what Python's json.dump(indent=4) writes.

usage: keras_from_tfjs.py WORK_DIR DATA_DIR     (Debian's /usr/bin/python3: numpy, h5py)
"""
import json, os, sys

import numpy as np

import keras_writer

WORK, OUT = sys.argv[1], sys.argv[2]
with open(os.path.join(WORK, "tfjs_cases.json")) as f:
    job = json.load(f)
SOURCE = f"TensorFlow.js {job['tfjs']} ({job['backend']} backend, float32), model.predict"


def save_expected(name, x, y):
    """As make_cases.py's save_expected, plus "source"."""
    with open(os.path.join(OUT, name + ".expected.json"), "w") as f:
        json.dump({"timeSteps": int(x.shape[0]), "input": [float(v) for v in x.ravel()], "dims": None,
                   "output": [float(v) for v in np.asarray(y).ravel()], "source": SOURCE}, f)


def f32(w):
    return np.asarray(w["values"], dtype=np.float32).reshape(w["shape"])


# ---- Keras 2 (tf.keras 2.4 model.save to .h5). TF.js's toJSON() is Keras-format (snake_case keys, the same
# class_names and values for name, units, activation, use_bias, return_sequences, alpha, batch_input_shape, …), taken
# from it as is. What TF.js writes differently, fixed here:
# - key order: tf.keras's get_config order (Layer: name, trainable, [batch_input_shape], dtype; then the class's keys;
#   an RNN's return_sequences … time_major before units …);
# - dtype "float32" on every layer (TF.js writes it only on the first);
# - initializers: the Keras defaults GlorotUniform {seed: null}, Orthogonal {gain: 1.0, seed: null}, Zeros
#   (TF.js writes the ones the layers were built with — zeros here, as the weights are set afterwards);
# - LSTM: unit_forget_bias true and implementation 2 (TF.js writes null), time_major false (TF.js has none),
#   dropout / recurrent_dropout 0.0 (floats, as Python writes them; TF.js 0);
# - LeakyReLU alpha: float(float32(alpha)), as tf.keras stores alpha as float32 (0.30000001192092896);
# - a Sequential's layers start with its InputLayer ("<first layer>_input"), as tf.keras 2.x get_config writes;
# - the config object holds only class_name and config (TF.js adds keras_version and backend; tf.keras stores them as
#   separate file attributes).
KERAS2_INIT = {"kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
               "recurrent_initializer": {"class_name": "Orthogonal", "config": {"gain": 1.0, "seed": None}},
               "bias_initializer": {"class_name": "Zeros", "config": {}}}


def keras2_layer(layer):
    cls, c = layer["class_name"], layer["config"]
    out = {"name": c["name"], "trainable": True}
    if "batch_input_shape" in c:
        out["batch_input_shape"] = c["batch_input_shape"]
    out["dtype"] = "float32"
    if cls == "Dense":
        out.update(units=c["units"], activation=c["activation"], use_bias=c["use_bias"],
                   kernel_initializer=KERAS2_INIT["kernel_initializer"], bias_initializer=KERAS2_INIT["bias_initializer"],
                   kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, bias_constraint=None)
    elif cls == "TimeDistributed":
        out["layer"] = keras2_layer(c["layer"])
    elif cls == "Activation":
        out["activation"] = c["activation"]
    elif cls == "LeakyReLU":
        out["alpha"] = float(np.float32(c["alpha"]))
    elif cls == "LSTM":
        out.update(return_sequences=c["return_sequences"], return_state=c["return_state"], go_backwards=c["go_backwards"],
                   stateful=c["stateful"], unroll=c["unroll"], time_major=False, units=c["units"], activation=c["activation"],
                   recurrent_activation=c["recurrent_activation"], use_bias=c["use_bias"], **KERAS2_INIT, unit_forget_bias=True,
                   kernel_regularizer=None, recurrent_regularizer=None, bias_regularizer=None, activity_regularizer=None,
                   kernel_constraint=None, recurrent_constraint=None, bias_constraint=None, dropout=0.0, recurrent_dropout=0.0,
                   implementation=2)
    else:
        raise ValueError(f"no Keras 2 config for {cls}")
    return {"class_name": cls, "config": out}


def write_keras2_case(case):
    tfjs = case["modelJson"]
    first = tfjs["config"]["layers"][0]["config"]
    layers = [{"class_name": "InputLayer", "config": {"batch_input_shape": first["batch_input_shape"], "dtype": "float32",
                                                      "sparse": False, "ragged": False, "name": first["name"] + "_input"}}]
    layers += [keras2_layer(l) for l in tfjs["config"]["layers"]]
    config = {"class_name": "Sequential", "config": {"name": tfjs["config"]["name"], "layers": layers}}
    # Weight names as tf.keras 2.x gives them: a TimeDistributed's inner layer is built inside the wrapper's name
    # scope (time_distributed/kernel:0); an LSTM's weights belong to its cell (lstm/lstm_cell/kernel:0).
    weights = {}
    cells = {}
    for layer in case["layers"]:
        arrays = [f32(w) for w in layer["weights"]]
        if not arrays:
            continue
        if layer["className"] in ("LSTM", "GRU"):
            base = layer["className"].lower() + "_cell"
            cells[base] = cells.get(base, -1) + 1
            scope = f"{layer['name']}/{base}{'' if cells[base] == 0 else '_' + str(cells[base])}"
            names = ["kernel", "recurrent_kernel", "bias"]
        else:
            scope, names = layer["name"], ["kernel", "bias"]
        weights[layer["name"]] = [(f"{scope}/{n}:0", a) for n, a in zip(names, arrays)]
    keras_writer.write_keras2(os.path.join(OUT, case["name"] + ".h5"), config, [l["name"] for l in case["layers"]], weights,
                              tf_keras=True)


# ---- Keras 3 (.keras zip: metadata.json, config.json, model.weights.h5), in the layout of keras/src/saving/
# saving_lib.py and the layers' get_config (Keras 3.6). Keras 3 cannot run here; what is inferred rather than read:
# - the TimeDistributed's inner Dense lives at layers/time_distributed/layer/vars: the wrapper keeps it in its
#   attribute `layer`, and saving_lib names children by attribute, as it does for an RNN's `cell` (layers/gru/cell)
#   and Bidirectional's forward_layer / backward_layer;
# - saving_lib names a Sequential's layers by their CLASS (snake_case, then _1, _2 … per class), not by layer name:
#   the Dense layers named dense_1 and dense_2 (dense is the wrapped one) are stored at layers/dense and
#   layers/dense_1. Every visited object gets a vars group (empty without own variables) with attribute name.
KERAS3_DTYPE = {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": None}


def k3_init(cls, config):
    return {"module": "keras.initializers", "class_name": cls, "config": config, "registered_name": None}


def k3_object(cls, config, input_shape):
    return {"module": "keras.layers", "class_name": cls, "config": config, "registered_name": None,
            "build_config": {"input_shape": input_shape}}


def keras3_layer(layer, input_shape):
    cls, c = layer["class_name"], layer["config"]
    out = {"name": c["name"], "trainable": True, "dtype": KERAS3_DTYPE}
    if cls == "Dense":
        out.update(units=c["units"], activation=c["activation"], use_bias=c["use_bias"],
                   kernel_initializer=k3_init("GlorotUniform", {"seed": None}), bias_initializer=k3_init("Zeros", {}),
                   kernel_regularizer=None, bias_regularizer=None, kernel_constraint=None, bias_constraint=None)
    elif cls == "TimeDistributed":
        out["layer"] = keras3_layer(c["layer"], [input_shape[0]] + input_shape[2:])
    elif cls == "Activation":
        out["activation"] = c["activation"]
    elif cls == "LeakyReLU":
        out["negative_slope"] = c["alpha"]  # Keras 3 renamed alpha
    elif cls == "GRU":
        out.update(return_sequences=c["return_sequences"], return_state=c["return_state"], go_backwards=c["go_backwards"],
                   stateful=c["stateful"], unroll=c["unroll"], zero_output_for_mask=False, units=c["units"],
                   activation=c["activation"], recurrent_activation=c["recurrent_activation"], use_bias=c["use_bias"],
                   kernel_initializer=k3_init("GlorotUniform", {"seed": None}),
                   recurrent_initializer=k3_init("OrthogonalInitializer", {"gain": 1.0, "seed": None}),
                   bias_initializer=k3_init("Zeros", {}), kernel_regularizer=None, recurrent_regularizer=None,
                   bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, recurrent_constraint=None,
                   bias_constraint=None, dropout=0.0, recurrent_dropout=0.0, reset_after=c["reset_after"], seed=None)
    else:
        raise ValueError(f"no Keras 3 config for {cls}")
    return k3_object(cls, out, input_shape)


def snake(cls):
    return {"TimeDistributed": "time_distributed", "LeakyReLU": "leaky_re_lu", "GRU": "gru", "LSTM": "lstm"}.get(cls, cls.lower())


def write_keras3_case(case):
    tfjs = case["modelJson"]
    shape = tfjs["config"]["layers"][0]["config"]["batch_input_shape"]
    layers = [{"module": "keras.layers", "class_name": "InputLayer",
               "config": {"batch_shape": shape, "dtype": "float32", "sparse": False, "name": "input_layer"}, "registered_name": None}]
    layers += [keras3_layer(l, info["inputShape"]) for l, info in zip(tfjs["config"]["layers"], case["layers"])]
    config = {"module": "keras", "class_name": "Sequential",
              "config": {"name": tfjs["config"]["name"], "trainable": True, "dtype": KERAS3_DTYPE, "layers": layers,
                         "build_input_shape": shape},
              "registered_name": None, "build_config": {"input_shape": shape}, "compile_config": None}
    entries, used = [("", [], tfjs["config"]["name"])], {}
    for layer in case["layers"]:
        base = snake(layer["className"])
        used[base] = used.get(base, -1) + 1
        path = base if used[base] == 0 else f"{base}_{used[base]}"
        arrays = [f32(w) for w in layer["weights"]]
        if layer["className"] == "TimeDistributed":
            entries += [(path, [], layer["name"]), (path + "/layer", arrays, layer["inner"]["name"])]
        elif layer["className"] in ("GRU", "LSTM"):
            entries += [(path, [], layer["name"]), (path + "/cell", arrays, base + "_cell")]
        else:
            entries.append((path, arrays, layer["name"]))
    keras_writer.write_keras3(os.path.join(OUT, case["name"] + ".keras"), config, None,
                              metadata={"keras_version": "3.6.0", "date_saved": "2026-01-01@00:00:00"}, entries=entries)


# ---- an independent float64 numpy forward (Keras semantics) of each file's weights, to check TF.js's output and
# this script's reading of the layouts; the committed outputs are TF.js's.
ACT = {"linear": lambda v: v, "": lambda v: v, "tanh": np.tanh, "sigmoid": lambda v: 1 / (1 + np.exp(-v)),
       "relu": lambda v: np.maximum(v, 0), "elu": lambda v: np.where(v > 0, v, np.expm1(np.minimum(v, 0))),
       "softmax": lambda v: np.exp(v - v.max(-1, keepdims=True)) / np.exp(v - v.max(-1, keepdims=True)).sum(-1, keepdims=True)}


def reference(layers, x):
    """layers: [(kind, activation, [weights], return_sequences, alpha)], kind dense | lstm | gru | activation | leaky;
    x: [T, in] → every step's output [T, out], or the last step's if a recurrent layer drops the sequence."""
    y = x.astype(np.float64)
    for kind, act, w, sequences, alpha in layers:
        w = [np.asarray(a, dtype=np.float64) for a in w]
        if kind == "dense":
            y = ACT[act](y @ w[0] + (w[1] if len(w) > 1 else 0))
        elif kind == "activation":
            y = ACT[act](y)
        elif kind == "leaky":
            y = np.where(y > 0, y, alpha * y)
        else:
            K, R, b = w
            H = R.shape[0]
            h, c, out = np.zeros(H), np.zeros(H), []
            for v in y:
                if kind == "lstm":
                    g = v @ K + h @ R + b
                    i, f, cc, o = (g[k * H:(k + 1) * H] for k in range(4))
                    c = ACT["sigmoid"](f) * c + ACT["sigmoid"](i) * np.tanh(cc)
                    h = ACT["sigmoid"](o) * np.tanh(c)
                else:  # Keras GRU, gates z, r, h; reset_after=False: bias [3H], reset applied before the recurrent kernel
                    bi, bh = (b, np.zeros(3 * H)) if b.ndim == 1 else (b[0], b[1])
                    xi, hr = v @ K + bi, h @ R[:, :2 * H] + bh[:2 * H]
                    z, r = ACT["sigmoid"](xi[:H] + hr[:H]), ACT["sigmoid"](xi[H:2 * H] + hr[H:])
                    if b.ndim == 1:
                        hh = np.tanh(xi[2 * H:] + (r * h) @ R[:, 2 * H:])
                    else:  # reset_after=True: biases [input, recurrent], reset applied after the recurrent kernel
                        hh = np.tanh(xi[2 * H:] + r * (h @ R[:, 2 * H:] + bh[2 * H:]))
                    h = z * h + (1 - z) * hh
                out.append(h)
            y = np.array(out) if sequences else np.array(out[-1])
    return y


def rtneural_layers(doc):
    kinds = {"time-distributed-dense": "dense", "dense": "dense", "lstm": "lstm", "gru": "gru", "activation": "activation"}
    return [(kinds[l["type"]], l["activation"] if l["type"] in ("dense", "time-distributed-dense", "activation") else "",
             l["weights"], True, None) for l in doc["layers"]]


def tfjs_layers(case):
    out = []
    for cfg, info in zip(case["modelJson"]["config"]["layers"], case["layers"]):
        cls, c = cfg["class_name"], cfg["config"]
        w = [f32(a) for a in info["weights"]]
        if cls in ("Dense", "TimeDistributed"):
            out.append(("dense", (c["layer"]["config"] if cls == "TimeDistributed" else c)["activation"], w, True, None))
        elif cls in ("LSTM", "GRU"):
            out.append((cls.lower(), "", w, c["return_sequences"], None))
        elif cls == "Activation":
            out.append(("activation", c["activation"], [], True, None))
        elif cls == "LeakyReLU":
            out.append(("leaky", "", [], True, np.float32(c["alpha"])))
    return out


for case in job["cases"]:
    T = case["timeSteps"]
    x = np.asarray(case["input"], dtype=np.float32).reshape(T, -1)
    save_expected(case["name"], x, case["output"])
    if case["kind"] == "rtneural":
        with open(os.path.join(OUT, case["name"] + ".json")) as f:
            check = reference(rtneural_layers(json.load(f)), x)
    else:
        check = reference(tfjs_layers(case), x)
    diff = np.abs(check.ravel() - np.asarray(case["output"])).max()
    assert diff < 1e-5, f"{case['name']}: TF.js and the numpy reference differ by {diff}"
    print(f"{case['name']}: |TF.js - numpy float64 reference| max {diff:.1e}")
    if case["kind"] == "rtneural":
        path = os.path.join(OUT, case["name"] + ".json")
        with open(path) as f:
            text = f.read()
        assert json.dumps(json.loads(text), indent=4) == text, f"{path} is not what Python's json.dump(indent=4) writes"
    elif case["kind"] == "keras2":
        write_keras2_case(case)
    elif case["kind"] == "keras3":
        write_keras3_case(case)
print("keras_from_tfjs: wrote", ", ".join(c["name"] for c in job["cases"]))
