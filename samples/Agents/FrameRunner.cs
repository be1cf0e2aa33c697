using System;
using System.Diagnostics;
using Agents.World;
using RnnGen.Samples;

namespace Agents;

/// <summary>
/// Runs a simulation for warm-up frames (not measured: first calls, the model's weights arranged on first use), then
/// times every frame. The frame-time array is allocated before the loop and sorted after it.
/// </summary>
internal static class FrameRunner
{
    public static RunReport Run(Simulation simulation, string controller, int warmupFrames, int frames)
    {
        for (int f = 0; f < warmupFrames; f++)
        {
            simulation.Frame();
        }

        var frameTicks = new long[frames];
        long controllerTicks = 0;
        long collisionsBefore = simulation.Swarm.Collisions;
        double distanceBefore = simulation.Swarm.Distance;
        var meter = new AllocationMeter();
        meter.Start();
        for (int f = 0; f < frames; f++)
        {
            long started = Stopwatch.GetTimestamp();
            controllerTicks += simulation.Frame();
            frameTicks[f] = Stopwatch.GetTimestamp() - started;
        }

        long allocated = meter.Bytes;
        int collections = meter.GcCount;

        long totalTicks = 0;
        foreach (long ticks in frameTicks)
        {
            totalTicks += ticks;
        }

        Array.Sort(frameTicks);
        double microsecondsPerTick = 1e6 / Stopwatch.Frequency;
        double agentMinutes = simulation.Swarm.Count * (frames * (double)Arena.FrameSeconds) / 60;
        return new RunReport(
            controller,
            simulation.Swarm.Count,
            frames,
            P50Microseconds: Percentile(frameTicks, 0.5) * microsecondsPerTick,
            P99Microseconds: Percentile(frameTicks, 0.99) * microsecondsPerTick,
            MaxMicroseconds: frameTicks[^1] * microsecondsPerTick,
            MeanMicroseconds: totalTicks * microsecondsPerTick / frames,
            ControllerMeanMicroseconds: controllerTicks * microsecondsPerTick / frames,
            allocated,
            collections,
            CollisionsPerAgentMinute: (simulation.Swarm.Collisions - collisionsBefore) / agentMinutes,
            DistancePerAgentMinute: (simulation.Swarm.Distance - distanceBefore) / agentMinutes,
            simulation.Checksum());
    }

    /// <summary>The value below or at which the given fraction of the sorted values lie (nearest rank).</summary>
    private static long Percentile(long[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
