#!/usr/bin/env bash
# The NativeAOT proof CI runs (.ci/run calls this): publishes the Quickstart for linux-x64 (baseline and x86-64-v3)
# and linux-arm64, runs the x64 binaries here and the arm64 one under qemu, and checks that
#   - every printed model value equals the JIT run's within 1e-5,
#   - each binary reports the vector path its instruction set allows (arm64: AdvSimd, x86-64-v3: AVX2+FMA),
#   - the stepping loop allocated 0 bytes and saw 0 garbage collections;
# then publishes tests/RnnGen.AotTests (every golden model, every vector path) for the same targets and runs it.
# Installs its Debian packages when they are missing. Binaries go to artifacts/aot/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

fail() { echo "check-aot: FAIL: $*" >&2; exit 1; }
step() { echo "== check-aot: $*"; }
qemu() { QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64-static "$@"; }

out=artifacts/aot-check
rm -rf "$out"
mkdir -p "$out"

# The model values the Quickstart prints all have 8 decimals; timings and sizes never do.
values() { grep -oE -- '-?[0-9]+\.[0-9]{8}' "$1" || true; }

# Largest |a - b| over the printed values of two runs; fails on a count mismatch or a difference above 1e-5.
compare_values() { # reference-output other-output label
  local expected actual
  expected=$(values "$1" | wc -l)
  actual=$(values "$2" | wc -l)
  [ "$expected" -gt 0 ] || fail "$3: the reference run printed no model values"
  [ "$expected" -eq "$actual" ] || fail "$3: printed $actual model values, the JIT run $expected"
  paste <(values "$1") <(values "$2") | awk -v label="$3" '
    { d = $1 - $2; if (d < 0) d = -d; if (d > max) max = d }
    END { printf "check-aot: %s: %d values, max |difference| from JIT %.1e\n", label, NR, max; exit (max <= 1e-5 ? 0 : 1) }' \
    || fail "$3: values differ from the JIT run by more than 1e-5"
}

expect() { # output regex label
  grep -Eq -- "$2" "$1" || fail "$3: output does not contain /$2/ (output above)"
}

run_quickstart() { # label command...
  local label=$1; shift
  step "run Quickstart $label"
  "$@" > "$out/quickstart-$label.txt" 2>&1 || { cat "$out/quickstart-$label.txt"; fail "Quickstart $label exited with an error"; }
  cat "$out/quickstart-$label.txt"
  expect "$out/quickstart-$label.txt" 'stepping loop: [0-9]+ steps, [0-9]+ ns per step, 0 bytes allocated, 0 GC collections' "Quickstart $label"
}

step "JIT reference run"
dotnet build samples/Quickstart -c Release -nologo -v quiet
run_quickstart jit dotnet samples/Quickstart/bin/Release/net10.0/Quickstart.dll

x64=$(eng/publish-aot.sh --install-tools --rid linux-x64 --out "$out/quickstart-linux-x64" samples/Quickstart)
x64v3=$(eng/publish-aot.sh --install-tools --rid linux-x64 --isa x86-64-v3 --out "$out/quickstart-linux-x64-v3" samples/Quickstart)
arm64=$(eng/publish-aot.sh --install-tools --rid linux-arm64 --out "$out/quickstart-linux-arm64" samples/Quickstart)

run_quickstart linux-x64 "$x64"
compare_values "$out/quickstart-jit.txt" "$out/quickstart-linux-x64.txt" "AOT linux-x64"
expect "$out/quickstart-linux-x64.txt" 'NativeAOT' "AOT linux-x64"

run_quickstart linux-x64-v3 "$x64v3"
compare_values "$out/quickstart-jit.txt" "$out/quickstart-linux-x64-v3.txt" "AOT linux-x64 x86-64-v3"
expect "$out/quickstart-linux-x64-v3.txt" 'vector path: AVX2\+FMA 256-bit' "AOT linux-x64 x86-64-v3"

run_quickstart linux-arm64 qemu "$arm64"
compare_values "$out/quickstart-jit.txt" "$out/quickstart-linux-arm64.txt" "AOT linux-arm64 (qemu)"
expect "$out/quickstart-linux-arm64.txt" 'vector path: AdvSimd 128-bit \(Vector128\), Arm64, NativeAOT' "AOT linux-arm64 (qemu)"

step "binary sizes (bytes)"
for binary in "$x64" "$x64v3" "$arm64"; do
  echo "  $(stat -c %s "$binary")  $binary"
done

# Start-up, for the record (not a pass/fail check): the whole Quickstart without its stepping loop.
if ! command -v hyperfine >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends hyperfine >/dev/null || true
fi
if command -v hyperfine >/dev/null; then
  step "start-up, median of 20 runs (Quickstart 0: load weights, build and run the three models)"
  hyperfine -N --runs 20 --warmup 3 --style none --export-json "$out/startup.json" \
    "$x64 0" "$x64v3 0" "dotnet samples/Quickstart/bin/Release/net10.0/Quickstart.dll 0" >/dev/null
  grep -oE '"(command|median)": *("[^"]*"|[0-9.e-]+)' "$out/startup.json" | paste - - \
    | awk -F'\t' '{ split($1, c, "\""); split($2, m, ": *"); printf "  %6.2f ms  %s\n", m[2] * 1000, c[4] }'
fi

# Every golden model inside AOT binaries: x64 at the baseline and with AVX2, arm64 with NEON.
for target in "linux-x64" "linux-x64 x86-64-v3" "linux-arm64"; do
  set -- $target
  rid=$1 isa=${2:-}
  binary=$(eng/publish-aot.sh --rid "$rid" ${isa:+--isa "$isa"} --out "$out/golden-$rid${isa:+-$isa}" tests/RnnGen.AotTests)
  step "golden models in AOT $rid ${isa:-baseline}"
  if [ "$rid" = linux-arm64 ]; then qemu "$binary" || fail "golden models in AOT $rid"
  else "$binary" || fail "golden models in AOT $rid ${isa:-baseline}"; fi
done

step "OK"
