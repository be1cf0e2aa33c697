using System.Diagnostics;
using System.Threading;

namespace Iot.Measurement;

/// <summary>
/// Keeps the loop at a fixed sample rate on a timeline (sample n is due at start + n × period, so waiting errors do not
/// add up) and counts deadline misses: a sample whose work ended after the next one was due. After a miss the
/// timeline restarts from now instead of rushing through the backlog.
/// </summary>
internal sealed class Pacer(int rateHz)
{
    // Sleep while the wait is longer than this, then spin: Thread.Sleep(1) on Linux can overshoot by a fraction of a ms.
    private static readonly long s_spinTicks = Stopwatch.Frequency / 500;
    private readonly long _period = Stopwatch.Frequency / rateHz;
    private long _due = Stopwatch.GetTimestamp();

    public long DeadlineMisses { get; private set; }

    /// <summary>Waits until the next sample is due (returns early if <paramref name="stop"/> is requested).</summary>
    public void WaitForSample(StopSignal stop)
    {
        while (!stop.Requested)
        {
            long remaining = _due - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            if (remaining > s_spinTicks)
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.SpinWait(20);
            }
        }
    }

    /// <summary>Called when a sample's work is done: counts a miss if the next sample is already overdue.</summary>
    public void SampleDone()
    {
        long now = Stopwatch.GetTimestamp();
        _due += _period;
        if (now > _due)
        {
            DeadlineMisses++;
            _due = now;
        }
    }
}
