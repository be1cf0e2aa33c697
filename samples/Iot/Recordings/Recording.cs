namespace Iot.Recordings;

/// <summary>A whole recording in memory, so replaying it reads arrays and allocates nothing.</summary>
/// <param name="Samples">Count × 6 values: ax, ay, az (g), gx, gy, gz (°/s).</param>
/// <param name="Labels">Count gesture indices, <see cref="Gestures.Unlabelled"/> where the label is empty or "unknown".</param>
internal sealed record Recording(float[] Samples, sbyte[] Labels, int Count);
