using System;

namespace Agents.Steering;

/// <summary>Turns every agent's sensor row into its (turn, throttle), once per frame, for all agents in one call.</summary>
internal interface ISteering
{
    string Description { get; }

    /// <summary><paramref name="sensors"/>: [agents, Sensors.Count]; <paramref name="steering"/>: [agents, 2].</summary>
    void Steer(ReadOnlySpan<float> sensors, Span<float> steering);
}
