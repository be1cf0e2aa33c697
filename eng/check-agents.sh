#!/usr/bin/env bash
# The agents sample's proof: publishes samples/Agents as a linux-x64 NativeAOT binary with AVX2 (x86-64-v3), runs it
# for 100, 1,000 and 10,000 agents, runs the JIT build for 1,000 agents, and fails unless
#   - every timed loop allocated 0 bytes and saw 0 garbage collections,
#   - the JIT with AVX-512 switched off (so on the AOT binary's instruction set) ends with the same checksum of every
#     agent's position and heading as the AOT binary: the same simulation, bit for bit,
#   - a bad command line exits with code 2.
# Prints each run's frame p50/p99 and the controller's share of the frame.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

fail() { echo "check-agents: FAIL: $*" >&2; exit 1; }
step() { echo "== check-agents: $*"; }

out=artifacts/agents-check
frames=2000
rm -rf "$out"
mkdir -p "$out"

# summary: agents=… alloc_bytes=… → the value of one field
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

check_runs() { # output label expected-run-count
  local count=0 line
  while read -r line; do
    count=$((count + 1))
    echo "  $2: N=$(field "$line" agents) frame p50 $(field "$line" p50_us) µs, p99 $(field "$line" p99_us) µs, controller share $(field "$line" controller_share), alloc $(field "$line" alloc_bytes) B, GC $(field "$line" gc), checksum $(field "$line" checksum)"
    [ "$(field "$line" alloc_bytes)" = 0 ] || fail "$2, $(field "$line" agents) agents: the frame loop allocated $(field "$line" alloc_bytes) bytes"
    [ "$(field "$line" gc)" = 0 ] || fail "$2, $(field "$line" agents) agents: $(field "$line" gc) garbage collections during the frame loop"
  done < <(grep '^summary:' "$1")
  [ "$count" = "$3" ] || { cat "$1"; fail "$2: expected $3 summary lines, got $count"; }
}

step "JIT, 1,000 agents: this CPU's widest path, then AVX-512 off"
dotnet build samples/Agents -c Release -nologo -v q -warnaserror > "$out/build.txt" 2>&1 || { cat "$out/build.txt"; fail "the JIT build failed"; }
jit=samples/Agents/bin/Release/net10.0/Agents.dll
dotnet "$jit" --agents 1000 --frames "$frames" > "$out/jit.txt" 2>&1 || { cat "$out/jit.txt"; fail "the JIT run exited with an error"; }
grep '^vector path:' "$out/jit.txt"
check_runs "$out/jit.txt" JIT 1
DOTNET_EnableAVX512=0 dotnet "$jit" --agents 1000 --frames "$frames" > "$out/jit-avx2.txt" 2>&1 \
  || { cat "$out/jit-avx2.txt"; fail "the JIT run without AVX-512 exited with an error"; }
grep '^vector path:' "$out/jit-avx2.txt"
check_runs "$out/jit-avx2.txt" "JIT, AVX-512 off" 1

binary=$(eng/publish-aot.sh --isa x86-64-v3 --out "$out/agents-linux-x64" samples/Agents)
step "NativeAOT linux-x64 (x86-64-v3), 100 / 1,000 / 10,000 agents"
"$binary" --agents 100,1000,10000 --frames "$frames" > "$out/aot.txt" 2>&1 \
  || { cat "$out/aot.txt"; fail "the NativeAOT run exited with an error"; }
grep '^vector path:' "$out/aot.txt"
check_runs "$out/aot.txt" "AOT x64-v3" 3

checksum() { grep "^summary:.* agents=$2 " "$1" | tr ' ' '\n' | sed -n 's/^checksum=//p'; }
[ "$(checksum "$out/jit-avx2.txt" 1000)" = "$(checksum "$out/aot.txt" 1000)" ] \
  || fail "1,000 agents: JIT without AVX-512 ended at checksum $(checksum "$out/jit-avx2.txt" 1000), NativeAOT at $(checksum "$out/aot.txt" 1000)"
echo "check-agents: JIT (AVX-512 off) and NativeAOT x86-64-v3 end in the same state, checksum $(checksum "$out/aot.txt" 1000)"

code=0
"$binary" --agents 0 > "$out/bad.txt" 2>&1 || code=$?
[ "$code" = 2 ] || fail "--agents 0 exited with code $code, not 2 (a bad command line)"
echo "  binary: $(stat -c %s "$binary") bytes ($binary)"
step "OK"
