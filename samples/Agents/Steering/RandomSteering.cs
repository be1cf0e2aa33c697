using System;
using Agents.World;

namespace Agents.Steering;

/// <summary>The baseline: turn and throttle drawn uniformly from -1..1 every frame, blind to the sensors.</summary>
internal sealed class RandomSteering(ulong seed) : ISteering
{
    private XorShift _random = new(seed ^ 0x5DEECE66DUL);

    public string Description => "random (uniform turn and throttle each frame, sensors ignored)";

    public void Steer(ReadOnlySpan<float> sensors, Span<float> steering)
    {
        for (int i = 0; i < steering.Length; i++)
        {
            steering[i] = _random.NextFloat() * 2 - 1;
        }
    }
}
