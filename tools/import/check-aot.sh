#!/usr/bin/env bash
# Publishes rnngen as a NativeAOT binary for linux-x64 and checks it against the JIT build on every importer test
# file (and the real models in ../shared/models when present): same inspect text, same exit code, same safetensors
# bytes. PureHDF picks readers by reflection; this is the check that PureHdf.rd.xml keeps them compiled.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
out="$repo/artifacts/aot/rnngen-linux-x64"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish "$repo/src/Cli" -c Release -r linux-x64 -o "$out" -nologo >&2
dotnet build "$repo/src/Cli" -c Release -nologo -v q >&2
aot="$out/rnngen" jit="$repo/src/Cli/bin/Release/net10.0/rnngen"

failed=0 checked=0
for model in "$repo"/tests/RnnGen.Import.Tests/Data/*.{h5,keras,onnx,safetensors,nam} "$repo"/tests/RnnGen.Import.Tests/Data/*.json "$repo"/../shared/models/*.{h5,json,nam}; do
  [ -f "$model" ] || continue
  case "$model" in *.expected.json) continue ;; esac
  name=$(basename "$model")
  "$jit" inspect "$model" >"$work/jit.txt" 2>&1 && jit_code=0 || jit_code=$?
  "$aot" inspect "$model" >"$work/aot.txt" 2>&1 && aot_code=0 || aot_code=$?
  "$jit" import "$model" -o "$work/jit.safetensors" >/dev/null 2>&1 || true
  "$aot" import "$model" -o "$work/aot.safetensors" >/dev/null 2>&1 || true
  if [ "$jit_code" != "$aot_code" ] || ! cmp -s "$work/jit.txt" "$work/aot.txt" \
     || { [ -f "$work/jit.safetensors" ] && ! cmp -s "$work/jit.safetensors" "$work/aot.safetensors"; }; then
    echo "DIFFERS: $name" >&2; diff "$work/jit.txt" "$work/aot.txt" >&2 || true; failed=1
  fi
  rm -f "$work"/*.safetensors
  checked=$((checked + 1))
done
echo "check-aot: $checked model files, NativeAOT and JIT $([ $failed = 0 ] && echo agree || echo DIFFER) ($(stat -c %s "$aot") byte binary)"
exit $failed
