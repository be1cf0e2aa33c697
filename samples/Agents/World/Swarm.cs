using System;

namespace Agents.World;

/// <summary>
/// Every agent's body, one array per field (structure of arrays: the ray caster and physics walk each field in order).
/// Allocated once; nothing here allocates afterwards.
/// </summary>
internal sealed class Swarm
{
    public Swarm(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        X = new float[count];
        Y = new float[count];
        Heading = new float[count];
        Speed = new float[count];
    }

    public int Count { get; }

    public float[] X { get; }

    public float[] Y { get; }

    /// <summary>Radians, in [-π, π].</summary>
    public float[] Heading { get; }

    /// <summary>Units per second along the heading; negative when backing off.</summary>
    public float[] Speed { get; }

    /// <summary>Moves that ran into a wall or an obstacle (the agent then stays where it was and stops).</summary>
    public long Collisions { get; set; }

    /// <summary>Total distance all agents travelled.</summary>
    public double Distance { get; set; }

    /// <summary>Places every agent at a random free spot, facing a random way, at rest: the same seed, the same swarm.</summary>
    public void Spawn(ulong seed)
    {
        var random = new XorShift(seed);
        for (int i = 0; i < Count; i++)
        {
            float x, y;
            do
            {
                x = 1 + random.NextFloat() * (Arena.Size - 2);
                y = 1 + random.NextFloat() * (Arena.Size - 2);
            }
            while (Arena.Blocked(x, y, 1f));

            X[i] = x;
            Y[i] = y;
            Heading[i] = (random.NextFloat() * 2 - 1) * MathF.PI;
            Speed[i] = 0;
        }

        Collisions = 0;
        Distance = 0;
    }
}
