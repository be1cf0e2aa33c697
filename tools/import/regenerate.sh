#!/usr/bin/env bash
# Rebuilds tests/RnnGen.Import.Tests/Data (deterministic: a second run changes nothing). Needs Debian's /usr/bin/python3
# (python3-torch 1.13, h5py, onnx) and Node 20 (npm packages in this folder, installed with npm ci):
#   make_cases.py            small PyTorch models written in every importer's layout
#   make_exporter_cases.py   files as real exporters write them: bare state_dicts (safetensors), state_dicts as JSON,
#                            NAM .nam files, RTNeural's PyTorch exporter
#   rtneural_keras_export.mjs + keras_from_tfjs.py
#                            TensorFlow.js models: RTNeural's Keras exporter, Keras 2 .h5 / Keras 3 .keras files
#   make_onnx_graphs.py      hand-built ONNX graphs
#   ort_expected.mjs         ONNX Runtime's outputs for every ONNX file
# See README.md for what each file is.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../../tests/RnnGen.Import.Tests/Data"
cd "$here"
[ -d node_modules/onnxruntime-node ] && [ -d node_modules/@tensorflow/tfjs ] || npm ci --ignore-scripts --no-audit --no-fund
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 make_cases.py "$data"
/usr/bin/python3 make_exporter_cases.py "$data"
node rtneural_keras_export.mjs "$data" "$work"
/usr/bin/python3 keras_from_tfjs.py "$work" "$data"
/usr/bin/python3 make_onnx_graphs.py "$data"
node ort_expected.mjs "$data"
