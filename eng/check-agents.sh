#!/usr/bin/env bash
# The agents sample's proof: publishes samples/Agents as a linux-x64 NativeAOT binary with AVX2 (x86-64-v3), runs it
# for 100, 1,000 and 10,000 agents, runs the JIT build for 1,000 agents, and fails unless
#   - every timed loop allocated 0 bytes and saw 0 garbage collections,
#   - the JIT with AVX-512 switched off (so on the AOT binary's instruction set) ends with the same checksum of every
#     agent's position and heading as the AOT binary: the same simulation, bit for bit,
#   - a bad command line exits with code 2,
#   - the linux-arm64 NativeAOT binary (NEON, under qemu: a Raspberry Pi's instruction set, not its speed) also
#     allocates nothing and collects nothing for 100 and 1,000 agents, and its trained controller still collides under
#     a quarter as often as random steering and covers more distance (its bits differ from x64's: NEON's reciprocal
#     estimate is not SSE's, so the swarm's trajectories part after a few hundred frames).
# Prints each run's frame p50/p99 and the controller's share of the frame.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# The JIT and the binary must compute the same bits, so neither may pick its layer's width by timing (a flip of a close
# call would change the last bits): both take the widest width, as PathSelection.Widest documents for reproducible runs.
export RNNGEN_PATH_SELECTION=widest

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

checksum() { field "$(grep "^summary:.* agents=$2 " "$1")" checksum; }
[ "$(checksum "$out/jit-avx2.txt" 1000)" = "$(checksum "$out/aot.txt" 1000)" ] \
  || fail "1,000 agents: JIT without AVX-512 ended at checksum $(checksum "$out/jit-avx2.txt" 1000), NativeAOT at $(checksum "$out/aot.txt" 1000)"
echo "check-agents: JIT (AVX-512 off) and NativeAOT x86-64-v3 end in the same state, checksum $(checksum "$out/aot.txt" 1000)"

step "NativeAOT linux-arm64 under qemu, 100 / 1,000 agents, then the three controllers compared"
arm64=$(eng/publish-aot.sh --install-tools --rid linux-arm64 --out "$out/agents-linux-arm64" samples/Agents)
qemu() { QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64-static "$@"; }
qemu "$arm64" --agents 100,1000 --frames "$frames" > "$out/arm64.txt" 2>&1 \
  || { cat "$out/arm64.txt"; fail "the arm64 run exited with an error"; }
grep '^vector path:' "$out/arm64.txt"
grep -q '^vector path: AdvSimd' "$out/arm64.txt" || fail "the arm64 binary did not run on AdvSimd (NEON)"
check_runs "$out/arm64.txt" "AOT arm64 (qemu)" 2
qemu "$arm64" --compare --agents 200 --frames 1800 > "$out/arm64-compare.txt" 2>&1 \
  || { cat "$out/arm64-compare.txt"; fail "the arm64 --compare run exited with an error"; }
rate() { field "$(grep "^summary: controller=$2 " "$1")" "$3"; }
rnn_hits=$(rate "$out/arm64-compare.txt" rnn collisions_per_agent_min) random_hits=$(rate "$out/arm64-compare.txt" random collisions_per_agent_min)
rnn_way=$(rate "$out/arm64-compare.txt" rnn distance_per_agent_min) random_way=$(rate "$out/arm64-compare.txt" random distance_per_agent_min)
[ -n "$rnn_hits" ] && [ -n "$random_hits" ] || { cat "$out/arm64-compare.txt"; fail "the arm64 --compare run printed no rnn or random summary"; }
echo "  AOT arm64 (qemu), 200 agents, 1,800 frames: collisions per agent-minute rnn $rnn_hits, random $random_hits; distance rnn $rnn_way, random $random_way"
awk -v a="$rnn_hits" -v b="$random_hits" -v c="$rnn_way" -v d="$random_way" 'BEGIN { exit !(a < b / 4 && c > d) }' \
  || fail "on arm64 the trained controller did not collide under a quarter as often as random steering while moving farther"
echo "  arm64 binary: $(stat -c %s "$arm64") bytes ($arm64)"

code=0
"$binary" --agents 0 > "$out/bad.txt" 2>&1 || code=$?
[ "$code" = 2 ] || fail "--agents 0 exited with code $code, not 2 (a bad command line)"
echo "  binary: $(stat -c %s "$binary") bytes ($binary)"
step "OK"
