#!/usr/bin/env bash
# Rebuilds tests/RnnGen.Import.Tests/Data: small PyTorch models written in every importer's layout (Debian's
# python3-torch 1.13, h5py, onnx), hand-built ONNX graphs, then ONNX Runtime's outputs for every ONNX file
# (onnxruntime-node, installed here with npm ci).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../../tests/RnnGen.Import.Tests/Data"
cd "$here"
/usr/bin/python3 make_cases.py "$data"
/usr/bin/python3 make_onnx_graphs.py "$data"
[ -d node_modules/onnxruntime-node ] || npm ci --no-audit --no-fund
node ort_expected.mjs "$data"
