#!/usr/bin/env bash
# The gesture sample's proof: replays samples/Iot/recordings/long-session.csv (5 min at 100 Hz, labelled) through the
# JIT build and through the linux-arm64 NativeAOT binary under qemu, and checks that
#   - both predict the same gesture at every sample (sha256 of the predicted sequence),
#   - accuracy on the recording is at least the training script's held-out accuracy (samples/Iot/model/metrics.json)
#     minus 2 points,
#   - the loop allocated 0 bytes and saw 0 garbage collections in both.
# Prints the arm64 binary size and both runs' model-step p50/p99. Installs its Debian packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

fail() { echo "check-iot: FAIL: $*" >&2; exit 1; }
step() { echo "== check-iot: $*"; }

recording=samples/Iot/recordings/long-session.csv
out=artifacts/iot-check
rm -rf "$out"
mkdir -p "$out"

# summary: steps=… accuracy=… alloc_bytes=… → the value of one field
field() { grep '^summary:' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

check_run() { # output label
  grep -q '^summary:' "$1" || { cat "$1"; fail "$2: no summary line"; }
  grep '^summary:' "$1"
  [ "$(field "$1" alloc_bytes)" = 0 ] || fail "$2: the loop allocated $(field "$1" alloc_bytes) bytes"
  [ "$(field "$1" gc)" = 0 ] || fail "$2: $(field "$1" gc) garbage collections during the loop"
}

step "JIT replay"
dotnet run -c Release --project samples/Iot -- --replay "$recording" --quiet > "$out/jit.txt" 2>&1 \
  || { cat "$out/jit.txt"; fail "the JIT replay exited with an error"; }
check_run "$out/jit.txt" JIT

arm64=$(eng/publish-aot.sh --install-tools --rid linux-arm64 --out "$out/iot-linux-arm64" samples/Iot)
step "NativeAOT linux-arm64 replay under qemu"
QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64-static "$arm64" --replay "$recording" --quiet > "$out/arm64.txt" 2>&1 \
  || { cat "$out/arm64.txt"; fail "the arm64 replay exited with an error"; }
grep '^vector path:' "$out/arm64.txt"
check_run "$out/arm64.txt" "AOT linux-arm64"

step "numbers"
echo "  arm64 binary: $(stat -c %s "$arm64") bytes ($arm64)"
echo "  JIT x64 model step:     p50 $(field "$out/jit.txt" p50_us) µs, p99 $(field "$out/jit.txt" p99_us) µs"
echo "  AOT arm64 (qemu) step:  p50 $(field "$out/arm64.txt" p50_us) µs, p99 $(field "$out/arm64.txt" p99_us) µs (emulated: not a Pi's speed)"

jit_hash=$(field "$out/jit.txt" sequence_sha256)
arm64_hash=$(field "$out/arm64.txt" sequence_sha256)
[ "$jit_hash" = "$arm64_hash" ] || fail "the predicted gesture sequences differ: JIT $jit_hash, arm64 $arm64_hash"
echo "check-iot: identical predicted sequences, sha256 $jit_hash"

held_out=$(sed -n 's/.*"held_out_accuracy": *\([0-9.]*\).*/\1/p' samples/Iot/model/metrics.json)
[ -n "$held_out" ] || fail "no held_out_accuracy in samples/Iot/model/metrics.json"
accuracy=$(field "$out/jit.txt" accuracy)
awk -v a="$accuracy" -v h="$held_out" 'BEGIN { exit !(a >= h - 2) }' \
  || fail "accuracy on the recording $accuracy% is more than 2 points below the held-out accuracy $held_out%"
echo "check-iot: accuracy on the recording $accuracy% (held-out $held_out%, at least $(awk -v h="$held_out" 'BEGIN { print h - 2 }')% required)"

step "OK"
