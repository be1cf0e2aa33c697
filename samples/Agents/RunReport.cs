namespace Agents;

/// <summary>One timed run: frame times (µs), the controller's share of them, allocations, and how the agents fared.</summary>
internal sealed record RunReport(
    string Controller,
    int Agents,
    int Frames,
    double P50Microseconds,
    double P99Microseconds,
    double MaxMicroseconds,
    double MeanMicroseconds,
    double ControllerMeanMicroseconds,
    long AllocatedBytes,
    int Collections,
    double CollisionsPerAgentMinute,
    double DistancePerAgentMinute,
    ulong Checksum)
{
    /// <summary>The controller's share of the total frame time.</summary>
    public double ControllerShare => ControllerMeanMicroseconds / MeanMicroseconds;
}
