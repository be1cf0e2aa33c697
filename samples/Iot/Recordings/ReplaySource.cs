using System;
using Iot.Sensor;

namespace Iot.Recordings;

/// <summary>Feeds a recording's rows in order, as the sensor would.</summary>
internal sealed class ReplaySource(Recording recording, string description) : ISampleSource
{
    private int _next;

    public string Description { get; } = description;

    public Recording Recording { get; } = recording;

    /// <summary>The row the last <see cref="TryRead"/> returned.</summary>
    public int Index => _next - 1;

    public bool TryRead(Span<float> sample)
    {
        if (_next >= Recording.Count)
        {
            return false;
        }

        Recording.Samples.AsSpan(_next * 6, 6).CopyTo(sample);
        _next++;
        return true;
    }

    public void Dispose()
    {
    }
}
