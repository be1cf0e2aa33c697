"""Writes Keras model files with h5py in the layouts Keras itself writes (Keras cannot run here), byte-identical on
every run: Keras 2.x `model.save("x.h5")` and Keras 3 `model.save("x.keras")`. Used by make_cases.py and
keras_from_tfjs.py."""
import io, json, zipfile

import h5py
import numpy as np


def write_keras2(path, model_config, layer_names, weights, libver="earliest", tf_keras=False):
    """model_config: {"class_name", "config"} as model.get_config() gives it; layer_names: model.layers' names (the
    model_weights/layer_names attribute; no InputLayer); weights: {layer: [(weight_name, array)]} in get_weights() order.

    tf_keras=False writes every attribute as a fixed-length string (standalone Keras 2.2.x); tf_keras=True writes what
    tf.keras 2.x's save_model_to_hdf5 writes: the root keras_version and backend as Python str (variable-length
    strings), model_config as UTF-8 bytes, and backend / keras_version again on model_weights as bytes.
    libver="latest" writes version-2 object headers (OHDR), as newer HDF5 tools do."""
    with open_h5(path, libver) as f:
        if tf_keras:
            f.attrs["keras_version"] = "2.4.0"
            f.attrs["backend"] = "tensorflow"
            f.attrs["model_config"] = np.bytes_(json.dumps(model_config))
        else:
            f.attrs["model_config"] = np.bytes_(json.dumps(model_config))  # fixed-length, as Keras 2 writes it
            f.attrs["keras_version"] = np.bytes_("2.4.0")
            f.attrs["backend"] = np.bytes_("tensorflow")
        g = group(f, "model_weights")
        g.attrs["layer_names"] = np.array([n.encode() for n in layer_names])
        if tf_keras:
            g.attrs["backend"] = np.bytes_("tensorflow")
            g.attrs["keras_version"] = np.bytes_("2.4.0")
        for lname in layer_names:
            lg = group(g, lname)
            entries = weights.get(lname, [])
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


def write_keras3(path, config, weights, metadata=None, empty=()):
    """config: the whole config.json object; weights: {h5 path under layers/: [arrays]} as Keras 3's model.weights.h5
    stores them (vars/0, 1, 2); empty: further paths ("" = the model itself, else under layers/) that get an empty
    vars group, as Keras 3 writes one for every object it visits, with or without variables."""
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        for path_ in empty:
            f.create_group(("layers/" + path_ + "/vars") if path_ else "vars")
        for path_, arrays in weights.items():
            g = f.create_group("layers/" + path_ + "/vars")
            for i, a in enumerate(arrays):
                g.create_dataset(str(i), data=np.asarray(a, dtype=np.float32))
    metadata = metadata or {"keras_version": "3.6.0"}
    with zipfile.ZipFile(path, "w") as z:
        for entry, data in (("metadata.json", json.dumps(metadata)), ("config.json", json.dumps(config)),
                            ("model.weights.h5", buffer.getvalue())):
            z.writestr(zipfile.ZipInfo(entry, date_time=(2026, 1, 1, 0, 0, 0)), data)  # fixed dates: same bytes every run
