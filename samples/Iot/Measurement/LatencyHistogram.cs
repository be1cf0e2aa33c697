using System;
using System.Diagnostics;

namespace Iot.Measurement;

/// <summary>
/// Step latencies in 10 ns buckets up to 2 ms (longer ones count in the last bucket; the maximum is kept exactly), so
/// recording one is an increment in a preallocated array and percentiles are exact to 10 ns.
/// </summary>
internal sealed class LatencyHistogram
{
    private const double BucketMicroseconds = 0.01;
    private readonly long[] _counts = new long[200_000];
    private readonly double _microsecondsPerTick = 1e6 / Stopwatch.Frequency;

    public long Count { get; private set; }

    public double MaxMicroseconds { get; private set; }

    public void Add(long ticks)
    {
        double microseconds = ticks * _microsecondsPerTick;
        _counts[Math.Min((int)(microseconds / BucketMicroseconds), _counts.Length - 1)]++;
        MaxMicroseconds = Math.Max(MaxMicroseconds, microseconds);
        Count++;
    }

    /// <summary>The latency below which the given fraction (0.5, 0.99) of steps fell: its bucket's upper edge, in µs.</summary>
    public double Percentile(double fraction)
    {
        long rank = (long)Math.Ceiling(fraction * Count);
        long seen = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank && seen > 0)
            {
                return Math.Min((i + 1) * BucketMicroseconds, MaxMicroseconds);
            }
        }

        return 0;
    }
}
