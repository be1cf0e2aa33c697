using System;

namespace Iot.Sensor;

/// <summary>Where samples come from: the MPU-6050 or a recording. Reading must not allocate (it runs every sample).</summary>
internal interface ISampleSource : IDisposable
{
    /// <summary>What the user is told at start-up.</summary>
    string Description { get; }

    /// <summary>Fills ax, ay, az (g), gx, gy, gz (°/s); false when there are no more samples (end of a recording).</summary>
    bool TryRead(Span<float> sample);
}
