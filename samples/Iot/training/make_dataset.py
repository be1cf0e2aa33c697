#!/usr/bin/python3
"""Synthetic MPU-6050 sessions for the gesture recognizer: what the sensor would read, not real recordings.

The device's orientation R(t) (body to world) is simulated at 1 kHz and everything the sensor reads follows from it:
  accelerometer = R(t)^T (a_world + 1 g up), in g, i.e. the specific force in the body frame (flat and still: az = +1 g)
  gyroscope     = body angular velocity, the derivative of the orientation: the rotation R(t)^T R(t + dt) divided by dt
Then the sensor's own faults: per-session bias and scale error, white noise at the datasheet's noise density, a 10-sample
average down to 100 Hz (the on-chip low-pass filter), saturation at the default ranges (+-2 g, +-250 deg/s) and
quantisation to one LSB (1/16384 g, 1/131 deg/s).

Body axes: x to the device's right, y forward, z up out of its face. Gestures:
  idle        held in the hand: a slowly wandering orientation and a small physiological tremor; now and then
              (30 % of idle segments) the hand settles into a new pose over 0.6 s, as people shift their grip
  shake       back and forth along one body axis at 3-7 Hz, 0.6-2.8 g peak (saturates), with a small wobble
  tilt-left   rolled about y so the left edge (-x) goes down by 25-75 degrees, held, rolled back (ax rises toward +1 g)
  tilt-right  the same with the right edge (+x) going down (ax falls toward -1 g)
  circle      a circle in the body's x-z plane at 0.7-2 Hz, 4-20 cm radius, with the wrist turning along

A session is a random sequence of segments (idle between most gestures), each gesture starting and ending smoothly from
the hand's base orientation, so transitions look like transitions. Each row is labelled with the segment it belongs to.

  /usr/bin/python3 samples/Iot/training/make_dataset.py     # rewrites training/data/ and recordings/ (seeded)
"""
import gzip
import os

import numpy as np

GESTURES = ["idle", "shake", "tilt-left", "tilt-right", "circle"]
RATE = 100              # output samples per second
OVERSAMPLE = 10         # simulated at 1 kHz, averaged down like the sensor's low-pass filter
ACCEL_LSB = 16384.0     # LSB per g at +-2 g
GYRO_LSB = 131.0        # LSB per deg/s at +-250 deg/s
HEADER = "t_s,ax_g,ay_g,az_g,gx_dps,gy_dps,gz_dps,label"

HERE = os.path.dirname(os.path.abspath(__file__))


def rotation(roll, pitch, yaw):
    """R = Rz(yaw) Ry(roll) Rx(pitch) for arrays of angles in radians: shape (n, 3, 3)."""
    cr, sr, cp, sp, cy, sy = np.cos(roll), np.sin(roll), np.cos(pitch), np.sin(pitch), np.cos(yaw), np.sin(yaw)
    n = len(roll)
    rx = np.zeros((n, 3, 3)); rx[:, 0, 0] = 1; rx[:, 1, 1] = cp; rx[:, 1, 2] = -sp; rx[:, 2, 1] = sp; rx[:, 2, 2] = cp
    ry = np.zeros((n, 3, 3)); ry[:, 1, 1] = 1; ry[:, 0, 0] = cr; ry[:, 0, 2] = sr; ry[:, 2, 0] = -sr; ry[:, 2, 2] = cr
    rz = np.zeros((n, 3, 3)); rz[:, 2, 2] = 1; rz[:, 0, 0] = cy; rz[:, 0, 1] = -sy; rz[:, 1, 0] = sy; rz[:, 1, 1] = cy
    return rz @ ry @ rx


def angular_velocity(r, dt):
    """Body-frame angular velocity from consecutive orientations: the axis-angle of R_k^T R_k+1 over dt (rad/s)."""
    rel = np.transpose(r[:-1], (0, 2, 1)) @ r[1:]
    angle = np.arccos(np.clip((np.trace(rel, axis1=1, axis2=2) - 1) / 2, -1, 1))
    axis = np.stack([rel[:, 2, 1] - rel[:, 1, 2], rel[:, 0, 2] - rel[:, 2, 0], rel[:, 1, 0] - rel[:, 0, 1]], axis=1)
    scale = np.where(angle > 1e-9, angle / (2 * np.sin(np.maximum(angle, 1e-9))), 0.5)
    w = axis * scale[:, None] / dt
    return np.vstack([w, w[-1:]])


def smooth_noise(rng, n, dt, cutoff_hz, amplitude):
    """Band-limited random wander: white noise through a one-pole low-pass, scaled to the given standard deviation."""
    alpha = 1 - np.exp(-2 * np.pi * cutoff_hz * dt)
    x = np.zeros(n)
    white = rng.standard_normal(n)
    for _ in range(2):  # two poles: smoother than one
        acc = 0.0
        for i in range(n):
            acc += alpha * (white[i] - acc)
            x[i] = acc
        white = x.copy()
    return x / (x.std() + 1e-12) * amplitude


def envelope(n, ramp):
    """0 -> 1 -> 0 over n fine samples with raised-cosine ramps of `ramp` samples (how a gesture starts and stops)."""
    e = np.ones(n)
    ramp = max(1, min(ramp, n // 2))
    up = 0.5 - 0.5 * np.cos(np.linspace(0, np.pi, ramp))
    e[:ramp] = up
    e[-ramp:] = up[::-1]
    return e


def hand_pose(rng):
    """How the device is held when idle: (roll, pitch, yaw) in radians; yaw changes nothing the accelerometer sees."""
    return np.radians(np.array([rng.uniform(-15, 15), rng.uniform(-20, 10), rng.uniform(-180, 180)]))


def plan_segments(rng, seconds):
    """(label, seconds) pairs: gestures in random order, mostly with idle between them."""
    segments, total, previous = [], 0.0, 0
    while total < seconds:
        if previous != 0 and rng.random() < 0.8:
            label = 0
        else:
            label = int(rng.integers(1, len(GESTURES))) if rng.random() < 0.85 else 0
        length = rng.uniform(1.0, 3.5) if label == 0 else rng.uniform(1.5, 4.0)
        segments.append((label, length))
        total += length
        previous = label
    return segments


def gesture_motion(rng, label, n, dt):
    """The gesture's (roll, pitch, yaw) offsets in radians and body-frame linear acceleration in g, each (n,)/(n, 3)."""
    t = np.arange(n) * dt
    angles = np.zeros((n, 3))
    accel = np.zeros((n, 3))
    if label == 0:
        return angles, accel
    if label == 1:  # shake: along a mostly-horizontal body axis, with wobble at the same frequency
        f = rng.uniform(3.0, 7.0)
        peak = rng.uniform(0.6, 2.8)
        direction = rng.normal(size=3) * np.array([1.0, 1.0, 0.3])
        direction /= np.linalg.norm(direction)
        env = envelope(n, int(rng.uniform(0.1, 0.3) / dt))
        phase = rng.uniform(0, 2 * np.pi)
        accel = (peak * np.sin(2 * np.pi * f * t + phase) * env)[:, None] * direction
        wobble = np.radians(rng.uniform(2, 12)) * np.sin(2 * np.pi * f * t + phase + rng.uniform(0, np.pi)) * env
        angles[:, int(rng.integers(0, 3))] = wobble
        return angles, accel
    if label in (2, 3):  # tilt: roll about y; tilt-left = left edge down = negative roll in this frame
        target = np.radians(rng.uniform(25, 75)) * (-1 if label == 2 else 1)
        env = envelope(n, int(rng.uniform(0.25, 0.9) / dt))
        angles[:, 0] = target * env
        angles[:, 1] = np.radians(rng.uniform(-8, 8)) * env  # a little pitch comes along
        return angles, accel
    # circle in the x-z plane: centripetal acceleration rotating at f, wrist turning with it
    f = rng.uniform(0.7, 2.0)
    radius = rng.uniform(0.04, 0.20)
    sign = rng.choice([-1, 1])
    env = envelope(n, int(rng.uniform(0.2, 0.5) / dt))
    peak = radius * (2 * np.pi * f) ** 2 / 9.80665
    phase = 2 * np.pi * f * t * sign + rng.uniform(0, 2 * np.pi)
    accel[:, 0] = -peak * np.cos(phase) * env
    accel[:, 2] = -peak * np.sin(phase) * env
    turn = np.radians(rng.uniform(3, 15))
    angles[:, 0] = turn * np.sin(phase) * env
    angles[:, 1] = turn * 0.5 * np.cos(phase) * env
    return angles, accel


def simulate(rng, seconds):
    """One session: (rows (n, 6) in g and deg/s as the MPU-6050 reports them, labels (n,))."""
    dt = 1.0 / (RATE * OVERSAMPLE)
    segments = plan_segments(rng, seconds)
    angles, accel, labels, grip = [], [], [], []
    base = hand_pose(rng)
    for label, length in segments:
        n = int(round(length * RATE)) * OVERSAMPLE
        a, lin = gesture_motion(rng, label, n, dt)
        if label == 0 and rng.random() < 0.3:
            base = hand_pose(rng)  # the hand settles into a new pose while idle
        angles.append(a)
        accel.append(lin)
        labels.append(np.full(n // OVERSAMPLE, label))
        grip.append(np.tile(base, (n, 1)))
    angles, accel, labels = np.vstack(angles), np.vstack(accel), np.concatenate(labels)
    n = len(angles)

    # The hand: its pose (changing smoothly over 0.6 s), a slow wander, and a few-Hz tremor.
    grip = np.vstack(grip)
    blend = int(0.6 / dt)
    grip = np.vstack([np.repeat(grip[:1], blend, 0), grip, np.repeat(grip[-1:], blend, 0)])
    kernel = np.ones(blend) / blend
    for axis in range(3):
        angles[:, axis] += np.convolve(grip[:, axis], kernel, mode="same")[blend:-blend]
        angles[:, axis] += smooth_noise(rng, n, dt, 0.3, np.radians(rng.uniform(1, 4)))
        angles[:, axis] += smooth_noise(rng, n, dt, 8.0, np.radians(rng.uniform(0.05, 0.3)))
    r = rotation(angles[:, 0], angles[:, 1], angles[:, 2])

    up = np.array([0.0, 0.0, 1.0])
    specific_force = np.einsum("nji,j->ni", r, up) + accel  # R^T up, plus the motion in the body frame
    gyro = np.degrees(angular_velocity(r, dt))

    # Sensor: white noise (400 ug/sqrt(Hz), 0.005 deg/s/sqrt(Hz) at 1 kHz before averaging), averaging to 100 Hz.
    specific_force += rng.normal(scale=400e-6 * np.sqrt(0.5 / dt), size=specific_force.shape)
    gyro += rng.normal(scale=0.005 * np.sqrt(0.5 / dt), size=gyro.shape)
    specific_force = specific_force.reshape(-1, OVERSAMPLE, 3).mean(axis=1)
    gyro = gyro.reshape(-1, OVERSAMPLE, 3).mean(axis=1)

    # Per-session faults of this particular chip: scale error, bias (datasheet: up to +-50 mg, +-20 deg/s).
    specific_force = specific_force * rng.uniform(0.97, 1.03, 3) + rng.uniform(-0.05, 0.05, 3)
    gyro = gyro * rng.uniform(0.97, 1.03, 3) + rng.uniform(-5, 5, 3)

    # What comes out of the registers: 16-bit counts, saturated at the range.
    accel_counts = np.clip(np.round(specific_force * ACCEL_LSB), -32768, 32767)
    gyro_counts = np.clip(np.round(gyro * GYRO_LSB), -32768, 32767)
    return np.hstack([accel_counts / ACCEL_LSB, gyro_counts / GYRO_LSB]), labels


def write_csv(path, rows, labels):
    lines = [HEADER]
    for i, (row, label) in enumerate(zip(rows, labels)):
        values = ",".join(f"{v:.6f}" if k < 3 else f"{v:.4f}" for k, v in enumerate(row))
        lines.append(f"{i / RATE:.2f},{values},{GESTURES[label]}")
    text = "\n".join(lines) + "\n"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if path.endswith(".gz"):
        with gzip.GzipFile(path, "wb", mtime=0) as f:  # mtime 0: the same seed gives the same bytes
            f.write(text.encode())
    else:
        with open(path, "w", newline="\n") as f:
            f.write(text)


def main():
    data = os.path.join(HERE, "data")
    recordings = os.path.join(HERE, "..", "recordings")
    # Seeds: training 1000+, held-out 2000+, recordings 3000+; no session is in two sets.
    for i in range(24):
        write_csv(os.path.join(data, "train", f"session-{i:02d}.csv.gz"), *simulate(np.random.default_rng(1000 + i), 90))
    for i in range(6):
        write_csv(os.path.join(data, "heldout", f"session-{i:02d}.csv.gz"), *simulate(np.random.default_rng(2000 + i), 90))
    rows, labels = simulate(np.random.default_rng(3000), 300)
    write_csv(os.path.join(recordings, "long-session.csv"), rows, labels)
    rows, labels = simulate(np.random.default_rng(3001), 30)
    write_csv(os.path.join(recordings, "short-session.csv"), rows, labels)
    print(f"wrote 24 training and 6 held-out sessions of 90 s and recordings of 300 s and 30 s at {RATE} Hz")


if __name__ == "__main__":
    main()
