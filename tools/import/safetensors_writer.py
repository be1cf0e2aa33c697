"""A minimal safetensors writer (F32 only) that writes the same bytes as the real `safetensors.torch.save_file`
(whose Rust serializer, safetensors 0.4, does the work), which cannot be installed here.

The format: an 8-byte little-endian header length, a JSON header, then the tensors' data. What the Rust serializer
does, and this writer copies:
- tensors are ordered by dtype (descending alignment), then by name in byte order; for an all-F32 file that is by
  name. The header entries and the data are both in that order (data_offsets increase down the header);
- the header is compact JSON (serde_json: no spaces), each entry {"dtype","shape","data_offsets"} in that key order;
- "__metadata__" (a string → string map) comes first, and only if metadata is given;
- the header is padded with spaces to a multiple of 8 bytes.
"""
import json, struct

import numpy as np


def save_file(tensors, path, metadata=None):
    """tensors: {name: array-like} (converted to little-endian float32); metadata: optional {str: str}."""
    header, offset, blobs = {}, 0, []
    if metadata is not None:
        # a Rust HashMap has no fixed order; sorted keys keep this writer deterministic
        header["__metadata__"] = {str(k): str(metadata[k]) for k in sorted(metadata)}
    for name in sorted(tensors, key=lambda n: n.encode("utf-8")):
        array = np.asarray(tensors[name])
        data = np.ascontiguousarray(array, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": [int(d) for d in array.shape], "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))
