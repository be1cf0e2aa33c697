#!/usr/bin/env bash
# Regenerates ALL golden data from the real frameworks, deterministically (fixed seeds; running it
# twice gives byte-identical files):
#   tests/RnnGen.Tests/Golden/Data/*.json, tests/RnnGen.Tests/Golden/GoldenModels.g.cs,
#   tests/RnnGen.Tests/Weights/Data/*.safetensors,
#   samples/Quickstart/weights/*.f32
# Needs: /usr/bin/python3 with torch, numpy, onnx (Debian: python3-torch python3-onnx) and node 20.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY="${PYTHON:-/usr/bin/python3}"   # the python3 first on PATH may lack torch/onnx
cd "$HERE"

"$PY" -c "import torch, onnx, numpy" || { echo "need $PY with torch, onnx, numpy (apt-get install python3-torch python3-onnx)" >&2; exit 1; }

# onnxruntime-node's install script only fetches optional CUDA binaries; the CPU runtime ships in
# the package, so scripts are skipped (no network besides the registry).
npm ci --ignore-scripts --no-audit --no-fund

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

rm -f "$ROOT"/tests/RnnGen.Tests/Golden/Data/*.json "$ROOT"/samples/Quickstart/weights/*.f32

echo "== PyTorch"
"$PY" torch_cases.py

echo "== TensorFlow.js (Keras semantics)"
"$PY" keras_cases.py prepare "$TMP/keras_job.json"
node tfjs_cases.mjs "$TMP/keras_job.json" "$TMP/keras_result.json"
"$PY" keras_cases.py finish "$TMP/keras_job.json" "$TMP/keras_result.json"

echo "== ONNX Runtime"
"$PY" onnx_build.py build "$TMP/onnx"
node ort_run.mjs "$TMP/onnx/job.json" "$TMP/onnx/result.json"
"$PY" onnx_build.py finish "$TMP/onnx"

echo "== safetensors files for the loader tests"
"$PY" safetensors_cases.py

echo "== C#"
"$PY" emit_csharp.py
"$PY" emit_docs.py

du -sh "$ROOT/tests/RnnGen.Tests/Golden/Data"
