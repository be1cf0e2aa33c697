"""Dynamic arm64 instructions per streamed step, RnnGen against RTNeural, counted exactly under qemu.

qemu-aarch64 -d in_asm,exec,nochain logs every translated block's instructions once and every execution of a block
(nochain: no block jumps to the next without a log line). Instructions of a run = sum over blocks of its
instructions x its executions. Each program runs twice, N1 and N2 steps of one model; the difference divided by
N2 - N1 is one step's instructions, start-up and shutdown cancelled.

An instruction count is not a time: it says nothing of latency, memory stalls or how a Cortex-A72 (Pi 4) or A76
(Pi 5) issues these instructions. Between two programs for the same ISA doing the same work it says how much work
each asks of the core.

usage: count_instructions.py RNNGEN_BINARY RTNEURAL_BINARY OUTPUT.md
"""
import os
import re
import subprocess
import sys
import tempfile

QEMU = "qemu-aarch64-static"
ENV = dict(os.environ, QEMU_LD_PREFIX="/usr/aarch64-linux-gnu")
MODELS = ["lstm_5x2", "lstm_1x16", "lstm_1x40", "lstm_8x32", "lstm_64x128", "lstm_128x256",
          "gru_5x2", "gru_1x16", "gru_1x40", "gru_8x32", "gru_64x128", "gru_128x256"]
INSTRUCTION = re.compile(r"^0x[0-9a-f]+:\s+[0-9a-f]{8}\s")
TRACE = re.compile(r"^Trace \d+: 0x[0-9a-f]+ \[[0-9a-f]+/([0-9a-f]+)/")


def instructions(command, stdin=None):
    """Dynamic instructions of one run of command (a list) under qemu."""
    with tempfile.NamedTemporaryFile(suffix=".log", delete=False) as log:
        path = log.name
    try:
        subprocess.run([QEMU, "-d", "in_asm,exec,nochain", "-D", path] + command, input=stdin, env=ENV,
                       stdout=subprocess.DEVNULL, check=True, text=True)
        sizes, runs = {}, {}
        block, count = None, 0
        with open(path, errors="replace") as f:
            for line in f:
                if line.startswith("IN:"):
                    block, count = None, 0
                elif INSTRUCTION.match(line):
                    if block is None:
                        block = int(line[2:line.index(":")], 16)
                    count += 1
                elif line.strip() == "" and block is not None:
                    sizes[block] = count
                    block = None
                else:
                    m = TRACE.match(line)
                    if m:
                        pc = int(m.group(1), 16)
                        runs[pc] = runs.get(pc, 0) + 1
        if block is not None:
            sizes[block] = count
        missing = [pc for pc in runs if pc not in sizes]
        if missing:
            raise RuntimeError("%d executed blocks were never listed (first at 0x%x)" % (len(missing), missing[0]))
        return sum(sizes[pc] * n for pc, n in runs.items())
    finally:
        os.unlink(path)


def per_step(run, small, large):
    return (run(large) - run(small)) / (large - small)


def steps_for(model):
    """Run lengths: enough steps that start-up noise vanishes, few enough that the log stays small."""
    size = int(model.split("_")[1].split("x")[1])
    return (20, 120) if size >= 128 else (100, 600)


def main():
    rnngen, rtneural, output = sys.argv[1:4]
    rows = []
    for model in MODELS:
        small, large = steps_for(model)
        ours = per_step(lambda n: instructions([rnngen, model, str(n)]), small, large)
        theirs = per_step(lambda n: instructions([rtneural], "count %s %d\nquit\n" % (model, n)), small, large)
        rows.append((model, ours, theirs))
        print("%-14s RnnGen %10.0f  RTNeural %10.0f  ratio %.2f" % (model, ours, theirs, ours / theirs), flush=True)
    with open(output, "w") as f:
        f.write(HEADER)
        f.write("| model (input→units) | RnnGen instructions / step | RTNeural instructions / step | RnnGen ÷ RTNeural |\n")
        f.write("|---|--:|--:|--:|\n")
        for model, ours, theirs in rows:
            kind, size = model.split("_")
            f.write("| %s %s | %s | %s | %.2f |\n" % (kind.upper(), size.replace("x", "→"), format(round(ours), ","), format(round(theirs), ","), ours / theirs))
    print("wrote", output)


HEADER = """# arm64 instructions per streamed step: RnnGen vs RTNeural (qemu, exact counts)

Counted by `benchmarks/arm64/count.sh` with `qemu-aarch64 -d in_asm,exec,nochain`: each program runs one model for two
numbers of steps, and the difference in dynamic instructions, divided by the difference in steps, is one `Step`
(RnnGen's linux-arm64 NativeAOT binary, NEON through AdvSimd) or one `forward` (RTNeural's `ModelT` with Eigen,
`aarch64-linux-gnu-g++ -O3 -mcpu=cortex-a72`, static). Same models, weights and inputs as the x64 side-by-side run.

What this is: how much work each program asks of an ARMv8 core per step, exactly, independent of this machine's
load. What it is not: a time. A Cortex-A72 (Raspberry Pi 4) or A76 (Pi 5) does not retire every instruction in
the same time; loads that miss the cache, dependency chains and division latency count once here but cost more
there. Read it as a proxy that can move the same way as time, not as the Pi's speed.

"""

if __name__ == "__main__":
    main()
