using System;
using System.Globalization;

namespace Agents;

/// <summary>Prints runs as table rows, each followed by one machine-readable summary line for scripts.</summary>
internal static class ReportPrinter
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static void PrintTimingHeader() => Console.WriteLine(
        "controller  agents  frames  frame p50 µs  p99 µs    max µs  controller share  alloc bytes  GC");

    public static void PrintTiming(RunReport r) => Console.WriteLine(string.Create(s_invariant,
        $"{r.Controller,-10} {r.Agents,7} {r.Frames,7} {r.P50Microseconds,13:F1} {r.P99Microseconds,7:F1} {r.MaxMicroseconds,9:F1} {r.ControllerShare,16:P0} {r.AllocatedBytes,12} {r.Collections,3}"));

    public static void PrintBehaviourHeader() => Console.WriteLine(
        "controller  agents  frames  collisions / agent-minute  distance / agent-minute");

    public static void PrintBehaviour(RunReport r) => Console.WriteLine(string.Create(s_invariant,
        $"{r.Controller,-10} {r.Agents,7} {r.Frames,7} {r.CollisionsPerAgentMinute,26:F3} {r.DistancePerAgentMinute,24:F1}"));

    public static void PrintSummary(RunReport r) => Console.WriteLine(string.Create(s_invariant,
        $"summary: controller={r.Controller} agents={r.Agents} frames={r.Frames} p50_us={r.P50Microseconds:F1} p99_us={r.P99Microseconds:F1} max_us={r.MaxMicroseconds:F1} mean_us={r.MeanMicroseconds:F1} controller_us={r.ControllerMeanMicroseconds:F1} controller_share={r.ControllerShare:F3} alloc_bytes={r.AllocatedBytes} gc={r.Collections} collisions_per_agent_min={r.CollisionsPerAgentMinute:F3} distance_per_agent_min={r.DistancePerAgentMinute:F1} checksum={r.Checksum:x16}"));
}
