using System;
using System.Globalization;

namespace Iot;

/// <summary>The statistics printed at exit, ending with one machine-readable summary line for CI.</summary>
internal static class ReportPrinter
{
    public static void Print(LoopReport report, Options options)
    {
        var latency = report.Latency;
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(invariant,
            $"stats: {report.Steps} steps in {report.Seconds:F2} s; model step p50 {latency.Percentile(0.5):F2} µs, p99 {latency.Percentile(0.99):F2} µs, max {latency.MaxMicroseconds:F1} µs"));
        if (report.DeadlineMisses is { } misses)
        {
            Console.WriteLine(string.Create(invariant, $"deadlines: {misses} of {report.Steps} samples finished after the next one was due ({1000.0 / options.RateHz:0.##} ms period)"));
        }

        Console.WriteLine($"loop: {report.AllocatedBytes} bytes allocated, {report.Collections} GC collections");
        if (report.Accuracy is { } accuracy)
        {
            Console.WriteLine(string.Create(invariant,
                $"accuracy: {100 * accuracy:F2}% of {report.ScoredSamples} labelled samples after the first {StreamingLoop.WarmupSamples} (most probable gesture = label, per sample)"));
        }

        string hash = report.Predictions is { } predictions ? Convert.ToHexStringLower(Measurement.Sha256.Hash(predictions)) : "none";
        Console.WriteLine(string.Create(invariant,
            $"summary: steps={report.Steps} accuracy={(report.Accuracy is { } a ? (100 * a).ToString("F2", invariant) : "none")} alloc_bytes={report.AllocatedBytes} gc={report.Collections} p50_us={latency.Percentile(0.5):F2} p99_us={latency.Percentile(0.99):F2} max_us={latency.MaxMicroseconds:F1} deadline_misses={(report.DeadlineMisses is { } m ? m.ToString(invariant) : "none")} sequence_sha256={hash}"));
    }
}
