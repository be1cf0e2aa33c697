#!/usr/bin/python3
"""Trains the gesture recognizer, LSTM(32) -> Linear(5), and writes what the sample bakes in at build time:
  model/gesture.safetensors      PyTorch names (lstm.weight_ih_l0, ..., head.weight, head.bias), float32
  model/GestureNormalization.cs  per-axis mean and standard deviation of the training data
  model/metrics.json             held-out accuracy, which eng/check-iot.sh holds the C# replay to

The model is trained the way the sample runs it: one step per sample, its state never reset, carried through endless
streams of sessions one after another (truncated back-propagation through 1 s windows). Accuracy is per sample: the argmax of the output
at every sample equals that sample's label, counted from sample WARMUP_SAMPLES of each session on.

  /usr/bin/python3 samples/Iot/training/train.py [--updates N] [RECORDED.csv ...]

Recorded CSVs (samples/Iot --record, same columns) are added to the training data; rows whose label is empty or
"unknown" are fed through the model but not scored.
"""
import argparse
import glob
import gzip
import json
import os
import struct
import time

import numpy as np
import torch
from torch import nn

GESTURES = ["idle", "shake", "tilt-left", "tilt-right", "circle"]
WARMUP_SAMPLES = 100   # 1 s at 100 Hz: the state needs a moment after start-up
WINDOW = 100           # steps per back-propagation window (1 s)
STREAMS = 48           # streams trained side by side (the batch)
UNITS = 32

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "..", "model")


def read_csv(path):
    """(rows (n, 6) float32, labels (n,) int64 with -1 for unlabelled) from a recording in the sample's format."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        lines = f.read().splitlines()
    if not lines or not lines[0].startswith("t_s,ax_g"):
        raise SystemExit(f"{path}: not a recording (first line should be the header t_s,ax_g,...)")
    rows = np.zeros((len(lines) - 1, 6), np.float32)
    labels = np.full(len(lines) - 1, -1, np.int64)
    for i, line in enumerate(lines[1:]):
        fields = line.split(",")
        rows[i] = [float(v) for v in fields[1:7]]
        label = fields[7].strip() if len(fields) > 7 else ""
        if label in GESTURES:
            labels[i] = GESTURES.index(label)
        elif label not in ("", "unknown"):
            raise SystemExit(f"{path}:{i + 2}: unknown label '{label}' (expected one of {GESTURES} or unknown)")
    return rows, labels


class GestureNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(6, UNITS, batch_first=True)
        self.head = nn.Linear(UNITS, len(GESTURES))

    def forward(self, x, state=None):
        h, state = self.lstm(x, state)
        return self.head(h), state


class Streams:
    """STREAMS endless streams, each the training sessions one after another in its own random order, read WINDOW
    samples at a time: the model sees what the sample does, a state that has been running for minutes and sessions
    (hands, chips, orientations) that change under it."""

    def __init__(self, sessions, rng):
        self.sessions, self.rng = sessions, rng
        self.rows = [self._stream() for _ in range(STREAMS)]

    def _stream(self):
        order = self.rng.permutation(len(self.sessions))
        first = self.sessions[order[0]]
        start = int(self.rng.integers(0, len(first[0])))  # streams start at different places
        x = np.vstack([first[0][start:]] + [self.sessions[i][0] for i in order[1:]])
        y = np.concatenate([first[1][start:]] + [self.sessions[i][1] for i in order[1:]])
        return [x, y, 0]

    def next_window(self):
        xs, ys = [], []
        for k, row in enumerate(self.rows):
            if row[2] + WINDOW > len(row[0]):  # at the end: go on with a fresh order (the state carries on)
                tail = (row[0][row[2]:], row[1][row[2]:])
                row = self.rows[k] = self._stream()
                row[0], row[1] = np.vstack([tail[0], row[0]]), np.concatenate([tail[1], row[1]])
            xs.append(row[0][row[2]:row[2] + WINDOW])
            ys.append(row[1][row[2]:row[2] + WINDOW])
            row[2] += WINDOW
        return torch.from_numpy(np.stack(xs)), torch.from_numpy(np.stack(ys))


def accuracy(model, sessions):
    """Per-sample accuracy after the warm-up, each session streamed from a zero state: (correct, counted)."""
    correct = counted = 0
    with torch.no_grad():
        # Sessions of equal length run as one batch (quicker); the state is per session either way.
        by_length = {}
        for rows, labels in sessions:
            by_length.setdefault(len(rows), []).append((rows, labels))
        outputs = []
        for group in by_length.values():
            logits, _ = model(torch.from_numpy(np.stack([rows for rows, _ in group])))
            outputs += [(p, labels) for p, (_, labels) in zip(logits.argmax(-1).numpy(), group)]
        for predicted, labels in outputs:
            scored = labels[WARMUP_SAMPLES:] >= 0
            correct += int((predicted[WARMUP_SAMPLES:] == labels[WARMUP_SAMPLES:])[scored].sum())
            counted += int(scored.sum())
    return correct, counted


def write_safetensors(path, tensors):
    """The safetensors format: 8-byte little-endian header length, JSON header, then raw little-endian float32."""
    header, offset, blobs = {}, 0, []
    for name, value in tensors.items():
        data = np.ascontiguousarray(value, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(value.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # align the data to 8 bytes, as the reference writer does
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def write_normalization(path, mean, std):
    def floats(values):
        return ", ".join(f"{float(v)!r}f" for v in values)

    with open(path, "w", newline="\n") as f:
        f.write(f"""// <auto-generated/> by samples/Iot/training/train.py: the training data's per-axis statistics.
namespace Iot;

/// <summary>Each sample is normalised as (value - Mean) / StdDev before the model step, as in training.</summary>
internal static class GestureNormalization
{{
    /// <summary>ax, ay, az in g; gx, gy, gz in degrees per second.</summary>
    public static readonly float[] Mean = [{floats(mean)}];

    public static readonly float[] StdDev = [{floats(std)}];
}}
""")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--updates", type=int, default=500, help="optimizer steps, one per 1 s window of every stream")
    parser.add_argument("recorded", nargs="*", help="extra labelled recordings (samples/Iot --record) to train on")
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(2)
    rng = np.random.default_rng(0)

    train = [read_csv(p) for p in sorted(glob.glob(os.path.join(HERE, "data", "train", "*.csv*")))]
    train += [read_csv(p) for p in args.recorded]
    heldout = [read_csv(p) for p in sorted(glob.glob(os.path.join(HERE, "data", "heldout", "*.csv*")))]
    recording = read_csv(os.path.join(HERE, "..", "recordings", "long-session.csv"))

    all_rows = np.vstack([rows for rows, _ in train])
    mean, std = all_rows.mean(0), all_rows.std(0)
    normalise = lambda sessions: [(((r - mean) / std).astype(np.float32), l) for r, l in sessions]  # noqa: E731
    train, heldout, recording = normalise(train), normalise(heldout), normalise([recording])
    print(f"training on {len(all_rows)} samples in {len(train)} sessions, held out {sum(len(r) for r, _ in heldout)}")

    model = GestureNet()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, args.updates)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-1)
    streams = Streams(train, rng)
    state, total, started = None, 0.0, time.time()
    for update in range(1, args.updates + 1):
        model.train()
        x, y = streams.next_window()
        logits, state = model(x, state)
        state = tuple(s.detach() for s in state)
        loss = loss_fn(logits.reshape(-1, len(GESTURES)), y.reshape(-1))
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        total += loss.item()
        if update % 100 == 0 or update == args.updates:
            model.eval()
            correct, counted = accuracy(model, heldout)
            print(f"update {update:4d}  loss {total / 100:.4f}  held-out accuracy {100 * correct / counted:.2f}%"
                  f"  ({time.time() - started:.0f} s)", flush=True)
            total = 0.0

    held_correct, held_counted = accuracy(model, heldout)
    rec_correct, rec_counted = accuracy(model, recording)
    os.makedirs(MODEL, exist_ok=True)
    write_safetensors(os.path.join(MODEL, "gesture.safetensors"),
                      {name: p.detach().numpy() for name, p in model.state_dict().items()})
    write_normalization(os.path.join(MODEL, "GestureNormalization.cs"), mean, std)
    metrics = {
        "definition": f"per-sample accuracy: argmax of the model output equals the label, samples {WARMUP_SAMPLES}"
                      " onward of each session, state carried from a zero start",
        "warmup_samples": WARMUP_SAMPLES,
        "held_out_accuracy": round(100 * held_correct / held_counted, 2),
        "held_out_samples": held_counted,
        "long_session_accuracy_pytorch": round(100 * rec_correct / rec_counted, 2),
        "updates": args.updates,
        "streams": STREAMS,
        "training_seconds": round(time.time() - started),
    }
    with open(os.path.join(MODEL, "metrics.json"), "w", newline="\n") as f:
        json.dump(metrics, f, indent=2)
        f.write("\n")
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
