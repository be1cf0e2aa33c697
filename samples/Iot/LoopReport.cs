using Iot.Measurement;

namespace Iot;

/// <summary>What a run of the loop measured, printed at exit.</summary>
/// <param name="DeadlineMisses">Null when samples were not paced (replay as fast as possible).</param>
/// <param name="Accuracy">Fraction of labelled samples after the warm-up whose most probable gesture was the label; null without labels.</param>
/// <param name="Predictions">The most probable gesture at every step of a replay (null for the sensor).</param>
internal sealed record LoopReport(
    int Steps,
    double Seconds,
    LatencyHistogram Latency,
    long? DeadlineMisses,
    long AllocatedBytes,
    int Collections,
    double? Accuracy,
    long ScoredSamples,
    byte[]? Predictions);
