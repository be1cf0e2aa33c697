#!/usr/bin/env bash
# Dynamic arm64 instructions per step, RnnGen's NativeAOT binary against RTNeural, counted under qemu:
# publishes benchmarks/RnnGen.StepCount for linux-arm64, builds benchmarks/rtneural for arm64, then runs
# count_instructions.py, which writes benchmarks/results/arm64/instructions.md. Needs what eng/publish-aot.sh and
# benchmarks/rtneural/build.sh need (clang, aarch64 binutils and g++, qemu-user-static; RTNeural's headers).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
rnngen=$("$repo/eng/publish-aot.sh" --rid linux-arm64 "$repo/benchmarks/RnnGen.StepCount" | tail -1)
rtneural=$("$repo/benchmarks/rtneural/build.sh" arm64 | tail -1)
mkdir -p "$repo/benchmarks/results/arm64"
/usr/bin/python3 "$here/count_instructions.py" "$rnngen" "$rtneural" "$repo/benchmarks/results/arm64/instructions.md"
