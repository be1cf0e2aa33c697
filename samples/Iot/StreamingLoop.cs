using System;
using System.Diagnostics;
using System.Globalization;
using Iot.Measurement;
using Iot.Recognition;
using Iot.Recordings;
using Iot.Sensor;
using RnnGen.Samples;

namespace Iot;

/// <summary>
/// The real-time loop: read a sample, step the model, show gesture changes, print statistics now and then. Everything
/// it needs is allocated before it starts, so it allocates 0 bytes and never waits for a garbage collection.
/// </summary>
internal sealed class StreamingLoop(Options options, GestureRecognizer recognizer, ConsoleLines lines, StopSignal stop)
{
    /// <summary>Samples after start-up that accuracy does not count (the LSTM state starts at zero), as in training.</summary>
    public const int WarmupSamples = 100;

    public LoopReport Run(ISampleSource source, ReplaySource? replay, RecordingWriter? recorder)
    {
        Span<float> sample = stackalloc float[6];
        var latency = new LatencyHistogram();
        var debouncer = new Debouncer();
        var pacer = options.Paced ? new Pacer(options.RateHz) : null;
        var meter = new AllocationMeter();
        byte[] predictions = new byte[replay?.Recording.Count ?? 0];
        long statsEvery = (long)(options.StatsEverySeconds * Stopwatch.Frequency);
        long correct = 0, scored = 0;
        int steps = 0;

        WarmUp(latency, pacer, meter);
        meter.Start();
        long started = Stopwatch.GetTimestamp();
        long nextStats = started + statsEvery;
        while (!stop.Requested)
        {
            pacer?.WaitForSample(stop);
            if (!source.TryRead(sample))
            {
                break;
            }

            latency.Add(recognizer.Step(sample));
            recorder?.Write(sample);
            int label = Gestures.Unlabelled;
            if (replay is not null)
            {
                predictions[steps] = (byte)recognizer.Gesture;
                label = replay.Recording.Labels[steps];
                if (steps >= WarmupSamples && label >= 0)
                {
                    scored++;
                    correct += recognizer.Gesture == label ? 1 : 0;
                }
            }

            if (debouncer.Update(recognizer.Gesture, recognizer.Probability) && !options.Quiet)
            {
                WriteChange(steps, debouncer.Shown, recognizer.Probability, label);
            }

            steps++;
            pacer?.SampleDone();
            if (statsEvery > 0 && Stopwatch.GetTimestamp() >= nextStats)
            {
                WriteStats(Stopwatch.GetElapsedTime(started).TotalSeconds, steps, latency, pacer, meter);
                nextStats += statsEvery;
            }
        }

        // Read before anything below allocates.
        long allocated = meter.Bytes;
        int collections = meter.GcCount;
        double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new LoopReport(steps, seconds, latency, pacer?.DeadlineMisses, allocated, collections,
            scored > 0 ? (double)correct / scored : null, scored, replay is null ? null : predictions.AsSpan(0, steps).ToArray());
    }

    /// <summary>
    /// Runs every path the loop takes once before counting: a method's first call loads types and fills caches
    /// (a few KB, once per process), which would otherwise be counted as the loop's allocations.
    /// </summary>
    private void WarmUp(LatencyHistogram latency, Pacer? pacer, AllocationMeter meter)
    {
        meter.Start();
        recognizer.Step(stackalloc float[6]);  // also runs GestureNormalization's static initializer
        recognizer.Reset();
        new Debouncer().Update(0, 1f);
        _ = latency.Percentile(0.5);
        Span<char> line = lines.Buffer;
        line.TryWrite(CultureInfo.InvariantCulture, $"{0.0,8:F2} s  {Gestures.Names[0],-10}  {1f:F2}   (label: {Gestures.Names[0]}) {0L} {meter.Bytes} {meter.GcCount} {pacer?.DeadlineMisses ?? 0}", out _);
        line.TryWrite(CultureInfo.InvariantCulture, $"time        gesture     probability", out int length);
        lines.WriteLine(length);
    }

    private void WriteChange(int step, int gesture, float probability, int label)
    {
        double seconds = (double)step / options.RateHz;
        Span<char> line = lines.Buffer;
        int length;
        if (label >= 0)
        {
            line.TryWrite(CultureInfo.InvariantCulture, $"{seconds,8:F2} s  {Gestures.Names[gesture],-10}  {probability:F2}   (label: {Gestures.Names[label]})", out length);
        }
        else
        {
            line.TryWrite(CultureInfo.InvariantCulture, $"{seconds,8:F2} s  {Gestures.Names[gesture],-10}  {probability:F2}", out length);
        }

        lines.WriteLine(length);
    }

    private void WriteStats(double seconds, int steps, LatencyHistogram latency, Pacer? pacer, AllocationMeter meter)
    {
        Span<char> line = lines.Buffer;
        line.TryWrite(CultureInfo.InvariantCulture,
            $"stats: {seconds:F0} s, {steps} steps, step p50 {latency.Percentile(0.5):F2} µs, p99 {latency.Percentile(0.99):F2} µs, max {latency.MaxMicroseconds:F1} µs, deadline misses {pacer?.DeadlineMisses ?? 0}, allocated {meter.Bytes} B, GC {meter.GcCount}",
            out int length);
        lines.WriteLine(length);
    }
}
