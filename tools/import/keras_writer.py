"""Writes Keras model files with h5py in the layouts Keras itself writes (Keras cannot run here), byte-identical on
every run: Keras 2.x `model.save("x.h5")` and Keras 3 `model.save("x.keras")`. Used by make_cases.py and
keras_from_tfjs.py."""
import io, json, zipfile

import h5py
import numpy as np


def write_keras2(path, model_config, layer_names, weights, libver="earliest", tf_keras=False):
    """model_config: {"class_name", "config"} as model.get_config() gives it; layer_names: model.layers' names (the
    model_weights/layer_names attribute; no InputLayer); weights: {layer: [(weight_name, array)]} in get_weights() order.

    tf_keras=False writes every string attribute as a fixed-length string (standalone Keras 2.2.x with h5py 2.x);
    tf_keras=True writes what tf.keras 2.4's save_model_to_hdf5 writes with its h5py 2.10: the root keras_version and
    backend as str and model_config as UTF-8 bytes — scalars, so variable-length strings (UTF-8 / ASCII) — and
    backend / keras_version again on model_weights as bytes (variable-length ASCII); the layer_names and weight_names
    lists go through np.asarray (fixed-length strings; a layer without weights gets an empty float64 array).
    libver="latest" writes version-2 object headers (OHDR), as newer HDF5 tools do."""
    with open_h5(path, libver) as f:
        if tf_keras:
            f.attrs["keras_version"] = "2.4.0"
            f.attrs["backend"] = "tensorflow"
            f.attrs["model_config"] = json.dumps(model_config).encode("utf8")
        else:
            f.attrs["model_config"] = np.bytes_(json.dumps(model_config))  # fixed-length, as Keras 2 writes it
            f.attrs["keras_version"] = np.bytes_("2.4.0")
            f.attrs["backend"] = np.bytes_("tensorflow")
        g = group(f, "model_weights")
        g.attrs["layer_names"] = np.array([n.encode() for n in layer_names])
        if tf_keras:
            g.attrs["backend"] = b"tensorflow"
            g.attrs["keras_version"] = b"2.4.0"
        for lname in layer_names:
            lg = group(g, lname)
            entries = weights.get(lname, [])
            if tf_keras:
                lg.attrs["weight_names"] = np.asarray([n.encode("utf8") for n, _ in entries])
            else:
                lg.attrs["weight_names"] = np.array([n.encode() for n, _ in entries], dtype="S")
            for wname, array in entries:
                parent = group(lg, wname.rsplit("/", 1)[0]) if "/" in wname else lg
                parent.create_dataset(wname.rsplit("/", 1)[-1], data=np.asarray(array, dtype=np.float32), track_times=False)


def open_h5(path, libver):
    """A new HDF5 file that records no modification times (version-2 headers would, making every run differ)."""
    fcpl = h5py.h5p.create(h5py.h5p.FILE_CREATE)
    fcpl.set_obj_track_times(False)
    fapl = h5py.h5p.create(h5py.h5p.FILE_ACCESS)
    bound = h5py.h5f.LIBVER_LATEST if libver == "latest" else h5py.h5f.LIBVER_EARLIEST
    fapl.set_libver_bounds(bound, h5py.h5f.LIBVER_LATEST)
    return h5py.File(h5py.h5f.create(path.encode(), h5py.h5f.ACC_TRUNC, fcpl=fcpl, fapl=fapl))


def group(parent, path):
    """parent/path, creating each missing group without modification times."""
    for part in path.split("/"):
        if part not in parent:
            gcpl = h5py.h5p.create(h5py.h5p.GROUP_CREATE)
            gcpl.set_obj_track_times(False)
            h5py.h5g.create(parent.id, part.encode(), gcpl=gcpl)
        parent = parent[part]
    return parent


def write_keras3(path, config, weights, metadata=None, entries=None):
    """config: the whole config.json object; weights: {h5 path under layers/: [arrays]} as Keras 3's model.weights.h5
    stores them (vars/0, 1, 2). entries, if given, replaces weights: [(path, [arrays], name)] in the order Keras 3's
    saving_lib visits the objects — "" is the model itself (the root vars group), else a path under layers/ — each
    getting a vars group (empty for an object without variables of its own) with attribute name = the object's name,
    as current Keras 3 writes them."""
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        if entries is None:
            for path_, arrays in weights.items():
                g = f.create_group("layers/" + path_ + "/vars")
                for i, a in enumerate(arrays):
                    g.create_dataset(str(i), data=np.asarray(a, dtype=np.float32))
        else:
            for path_, arrays, name in entries:
                g = f.create_group(("layers/" + path_ + "/vars") if path_ else "vars")
                g.attrs["name"] = name
                for i, a in enumerate(arrays):
                    g[str(i)] = np.asarray(a, dtype=np.float32)
    metadata = metadata or {"keras_version": "3.6.0"}
    with zipfile.ZipFile(path, "w") as z:
        for entry, data in (("metadata.json", json.dumps(metadata)), ("config.json", json.dumps(config)),
                            ("model.weights.h5", buffer.getvalue())):
            z.writestr(zipfile.ZipInfo(entry, date_time=(2026, 1, 1, 0, 0, 0)), data)  # fixed dates: same bytes every run
