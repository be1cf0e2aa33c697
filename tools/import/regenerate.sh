#!/usr/bin/env bash
# Rebuilds tests/RnnGen.Import.Tests/Data from small PyTorch models (Debian's python3-torch 1.13, h5py, onnx).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
/usr/bin/python3 make_cases.py "$here/../../tests/RnnGen.Import.Tests/Data"
