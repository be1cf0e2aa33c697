#!/usr/bin/python3
"""Trains the agents' controller, GRU(16) -> Linear(2) -> tanh, by behaviour cloning of the hand-written steering rule,
and writes what the sample bakes in at build time:
  model/controller.safetensors   PyTorch names (gru.weight_ih_l0, ..., head.weight, head.bias), float32
  model/metrics.json             training and held-out imitation error

The simulation here is the C# one (samples/Agents/World) written again with numpy: the same arena, obstacles, rays,
physics constants and rule. The data: agents driven by the rule plus smooth noise; then one DAgger round, agents driven
by the half-trained GRU itself, so it also learns to recover from the states its own mistakes lead to. The label at
every frame is what the rule would do there. The GRU is trained the way the sample runs it: one step per frame, its
state carried from window to window (truncated back-propagation through 100-frame windows).

  /usr/bin/python3 samples/Agents/training/train.py [--epochs N]
"""
import argparse
import json
import os
import struct
import time

import numpy as np
import torch
from torch import nn

# --- the world: keep in step with samples/Agents/World/Arena.cs, Physics.cs and Steering/RuleSteering.cs ---
SIZE = 100.0
AGENT_RADIUS = 0.5
RAY_COUNT = 8
RAY_RANGE = 20.0
DT = 1.0 / 60.0
MAX_SPEED = 12.0
MAX_TURN = 3.0          # rad/s at |turn| = 1
SPEED_RESPONSE = 0.1    # fraction of the gap to the target speed closed each frame
INPUTS = RAY_COUNT + 1  # ray distances / RAY_RANGE, then speed / MAX_SPEED
FRAMES = 2000          # per simulated run in the training data


def obstacles():
    """A 4 x 4 grid of round obstacles, radius 4, 5.5 or 7 (Arena.cs)."""
    centers, radii = [], []
    for i in range(4):
        for j in range(4):
            centers.append((12.5 + 25 * i, 12.5 + 25 * j))
            radii.append(4.0 + 1.5 * ((3 * i + j) % 3))
    return np.array(centers), np.array(radii)


CENTERS, RADII = obstacles()


def cast_rays(x, y, heading):
    """[agents, 8] distance along each ray to the first wall or obstacle, capped at RAY_RANGE (RayCaster.cs)."""
    angles = heading[:, None] + np.arange(RAY_COUNT) * (2 * np.pi / RAY_COUNT)
    dx, dy = np.cos(angles), np.sin(angles)
    with np.errstate(divide="ignore", invalid="ignore"):
        tx = np.where(dx > 0, (SIZE - x[:, None]) / dx, np.where(dx < 0, -x[:, None] / dx, np.inf))
        ty = np.where(dy > 0, (SIZE - y[:, None]) / dy, np.where(dy < 0, -y[:, None] / dy, np.inf))
    best = np.minimum(np.minimum(tx, ty), RAY_RANGE)
    mx = x[:, None, None] - CENTERS[None, None, :, 0]
    my = y[:, None, None] - CENTERS[None, None, :, 1]
    b = mx * dx[:, :, None] + my * dy[:, :, None]
    c = mx * mx + my * my - RADII[None, None, :] ** 2
    disc = b * b - c
    hit = (disc >= 0) & ~((c > 0) & (b > 0))
    t = np.maximum(-b - np.sqrt(np.maximum(disc, 0)), 0)
    t = np.where(hit, t, np.inf).min(axis=2)
    return np.minimum(best, t)


def sense(x, y, heading, speed):
    return np.concatenate([cast_rays(x, y, heading) / RAY_RANGE, (speed / MAX_SPEED)[:, None]], axis=1)


def rule(sensors):
    """Steer towards the more open side; slow down, then back off, as the way ahead closes (RuleSteering.cs)."""
    r = sensors[:, :RAY_COUNT]
    left = r[:, 1] + 0.5 * r[:, 2]
    right = r[:, 7] + 0.5 * r[:, 6]
    turn = np.clip(2.5 * (left - right), -1, 1)
    turn = np.where((r[:, 0] < 0.4) & (np.abs(left - right) < 0.1), 1.0, turn)
    throttle = np.clip(2.2 * r[:, 0] - 0.5, -0.5, 1)
    return np.stack([turn, throttle], axis=1)


def blocked(x, y):
    inside = (x >= AGENT_RADIUS) & (x <= SIZE - AGENT_RADIUS) & (y >= AGENT_RADIUS) & (y <= SIZE - AGENT_RADIUS)
    d2 = (x[:, None] - CENTERS[:, 0]) ** 2 + (y[:, None] - CENTERS[:, 1]) ** 2
    return ~inside | (d2 < (RADII + AGENT_RADIUS) ** 2).any(axis=1)


def move(x, y, heading, speed, action):
    """One frame of Physics.cs; returns the new state and which agents collided."""
    heading = heading + action[:, 0] * MAX_TURN * DT
    heading = np.where(heading > np.pi, heading - 2 * np.pi, np.where(heading < -np.pi, heading + 2 * np.pi, heading))
    speed = speed + (action[:, 1] * MAX_SPEED - speed) * SPEED_RESPONSE
    nx, ny = x + speed * np.cos(heading) * DT, y + speed * np.sin(heading) * DT
    hit = blocked(nx, ny)
    return np.where(hit, x, nx), np.where(hit, y, ny), heading, np.where(hit, 0, speed), hit


def spawn(rng, count):
    x, y = np.empty(0), np.empty(0)
    while len(x) < count:
        cx, cy = rng.uniform(1, SIZE - 1, count), rng.uniform(1, SIZE - 1, count)
        d2 = (cx[:, None] - CENTERS[:, 0]) ** 2 + (cy[:, None] - CENTERS[:, 1]) ** 2
        free = ~(d2 < (RADII + 1) ** 2).any(axis=1)
        x, y = np.concatenate([x, cx[free]]), np.concatenate([y, cy[free]])
    return x[:count], y[:count], rng.uniform(-np.pi, np.pi, count), np.zeros(count)


def trajectories(rng, agents, frames, noise, model=None):
    """Sensors [agents, frames, INPUTS] and the rule's actions [agents, frames, 2] along runs driven by the rule, or by
    model when given (DAgger: the states the trained controller itself reaches, labelled with what the rule would do),
    plus smooth noise."""
    x, y, heading, speed = spawn(rng, agents)
    sensors = np.empty((agents, frames, INPUTS), np.float32)
    labels = np.empty((agents, frames, 2), np.float32)
    wobble, h = np.zeros((agents, 2)), None
    for f in range(frames):
        s = sense(x, y, heading, speed)
        a = rule(s)
        sensors[:, f], labels[:, f] = s, a
        if model is not None:
            with torch.no_grad():
                out, h = model(torch.from_numpy(sensors[:, f:f + 1]), h)
            a = out[:, 0].double().numpy()
        wobble = 0.95 * wobble + rng.normal(0, noise, (agents, 2))
        x, y, heading, speed, _ = move(x, y, heading, speed, np.clip(a + wobble, -1, 1))
    return sensors, labels


class Controller(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(INPUTS, 16, batch_first=True)
        self.head = nn.Linear(16, 2)

    def forward(self, x, h=None):
        out, h = self.gru(x, h)
        return torch.tanh(self.head(out)), h


def imitation_error(model, sensors, labels, window):
    """Mean squared error over whole runs, stepped window by window with the state carried, as the sample runs."""
    with torch.no_grad():
        h, total = None, 0.0
        for start in range(0, sensors.shape[1], window):
            out, h = model(torch.from_numpy(sensors[:, start:start + window]), h)
            total += float(((out - torch.from_numpy(labels[:, start:start + window])) ** 2).sum())
        return total / labels.size


def train(model, optimizer, sensors, labels, window, epochs, started):
    """Truncated back-propagation through windows, the state carried from one window to the next."""
    for epoch in range(epochs):
        h, losses = None, []
        for start in range(0, sensors.shape[1], window):
            out, h = model(torch.from_numpy(sensors[:, start:start + window]), h)
            h = h.detach()
            loss = ((out - torch.from_numpy(labels[:, start:start + window])) ** 2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            losses.append(float(loss))
        print(f"epoch {epoch + 1}: training mse {np.mean(losses):.4f}, {time.time() - started:.0f} s")


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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=7, help="per phase: before and after the DAgger round")
    args = parser.parse_args()
    started = time.time()
    torch.manual_seed(7)
    torch.set_num_threads(2)
    rng = np.random.default_rng(7)

    window = 100
    train_x, train_y = trajectories(rng, 256, FRAMES, noise=0.08)
    test_x, test_y = trajectories(rng, 128, FRAMES, noise=0.08)
    print(f"data: {train_x.shape[0]} x {train_x.shape[1]} training frames, {time.time() - started:.0f} s")

    model = Controller()
    optimizer = torch.optim.Adam(model.parameters(), lr=5e-3)
    train(model, optimizer, train_x, train_y, window, args.epochs, started)
    # One DAgger round: imitation alone never sees the states its own mistakes lead to, and those are where it crashes.
    own_x, own_y = trajectories(rng, 256, FRAMES, noise=0.04, model=model)
    print(f"DAgger: {own_x.shape[0]} x {own_x.shape[1]} frames driven by the GRU, {time.time() - started:.0f} s")
    train_x, train_y = np.concatenate([train_x, own_x]), np.concatenate([train_y, own_y])
    for group in optimizer.param_groups:
        group["lr"] = 2e-3
    train(model, optimizer, train_x, train_y, window, args.epochs, started)

    here = os.path.dirname(os.path.abspath(__file__))
    model_dir = os.path.join(here, "..", "model")
    os.makedirs(model_dir, exist_ok=True)
    write_safetensors(os.path.join(model_dir, "controller.safetensors"),
                      {name: value.detach().numpy() for name, value in model.state_dict().items()})
    metrics = {
        "training_mse": round(imitation_error(model, train_x, train_y, window), 5),
        "held_out_mse": round(imitation_error(model, test_x, test_y, window), 5),
        "label_variance": round(float(test_y.var(axis=(0, 1)).mean()), 5),
        "epochs": args.epochs,
        "seconds": round(time.time() - started),
    }
    with open(os.path.join(model_dir, "metrics.json"), "w", newline="\n") as f:
        json.dump(metrics, f, indent=2)
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
