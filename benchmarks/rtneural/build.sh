#!/usr/bin/env bash
# Builds the RTNeural side of the side-by-side benchmark (rtneural_bench.cpp) against RTNeural's headers.
#   build.sh [x64|arm64] [OUTPUT]      x64 (default): -O3 -march=x86-64-v3 (AVX2 + FMA), alignment 32 — RTNeural's best
#                                      x64 build (its AVX-512 build crashes on alignment); arm64: -mcpu=cortex-a72 (Pi 4),
#                                      static, for instruction counts under qemu.
# RTNEURAL_DIR: a folder holding RTNeural/ and modules/ (default: ../shared/rtneural beside the repository). Needs
# libeigen3-dev and nlohmann-json3-dev (and g++-aarch64-linux-gnu for arm64). Exit code 3, with the reason, when the
# headers or a compiler are missing, so callers can skip.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
target=${1:-x64}
rtneural=${RTNEURAL_DIR:-$repo/../shared/rtneural}
output=${2:-$repo/artifacts/rtneural/rtneural_bench_$target}

if [ ! -f "$rtneural/RTNeural/RTNeural.h" ]; then
  echo "skipped: RTNeural's headers are not at $rtneural (clone https://github.com/jatinchowdhury18/RTNeural at commit 1fb1f075a5d66e85bfc8f488c3f3626840cb3a1d, with its modules/json, and set RTNEURAL_DIR)" >&2
  exit 3
fi

for header in /usr/include/eigen3/Eigen/Dense /usr/include/nlohmann/json.hpp; do
  [ -f "$header" ] || { echo "skipped: $header is missing (apt-get install libeigen3-dev nlohmann-json3-dev)" >&2; exit 3; }
done

common=(-O3 -DNDEBUG -std=c++17 -DRTNEURAL_USE_EIGEN=1 -DEIGEN_STACK_ALLOCATION_LIMIT=0
  -I "$rtneural" -I "$rtneural/modules" -I /usr/include/eigen3 "$here/rtneural_bench.cpp" -o "$output")
mkdir -p "$(dirname "$output")"
case "$target" in
  x64) compiler=g++; flags=(-march=x86-64-v3 -DRTNEURAL_DEFAULT_ALIGNMENT=32) ;;
  arm64) compiler=aarch64-linux-gnu-g++; flags=(-mcpu=cortex-a72 -static -DRTNEURAL_DEFAULT_ALIGNMENT=16) ;;
  *) echo "usage: build.sh [x64|arm64] [OUTPUT]" >&2; exit 2 ;;
esac
command -v "$compiler" >/dev/null || { echo "skipped: $compiler is missing" >&2; exit 3; }
"$compiler" "${flags[@]}" "${common[@]}"
echo "$output"
