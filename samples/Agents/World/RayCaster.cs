using System;

namespace Agents.World;

/// <summary>
/// Casts each agent's <see cref="Sensors.RayCount"/> rays against the walls and obstacles. Per agent, obstacles out of
/// reach are dropped once, before the rays, so a ray tests only the few nearby circles.
/// </summary>
internal static class RayCaster
{
    private static readonly float[] s_rayCos = new float[Sensors.RayCount];
    private static readonly float[] s_raySin = new float[Sensors.RayCount];

    static RayCaster()
    {
        for (int k = 0; k < Sensors.RayCount; k++)
        {
            s_rayCos[k] = MathF.Cos(k * 2 * MathF.PI / Sensors.RayCount);
            s_raySin[k] = MathF.Sin(k * 2 * MathF.PI / Sensors.RayCount);
        }
    }

    /// <summary>Writes every agent's sensor row (<see cref="Sensors.Count"/> floats at i × Count) into <paramref name="sensors"/>.</summary>
    public static void SenseAll(Swarm swarm, Span<float> sensors)
    {
        Span<float> rays = stackalloc float[Sensors.RayCount];
        for (int i = 0; i < swarm.Count; i++)
        {
            Cast(swarm.X[i], swarm.Y[i], swarm.Heading[i], rays);
            Span<float> row = sensors.Slice(i * Sensors.Count, Sensors.Count);
            for (int k = 0; k < Sensors.RayCount; k++)
            {
                row[k] = rays[k] * (1f / Sensors.RayRange);
            }

            row[Sensors.Speed] = swarm.Speed[i] * (1f / Arena.MaxSpeed);
        }
    }

    /// <summary>
    /// The distance along each ray from (x, y) to the first wall or obstacle, at most <see cref="Sensors.RayRange"/>;
    /// 0 for a ray that starts inside an obstacle.
    /// </summary>
    public static void Cast(float x, float y, float heading, Span<float> distances)
    {
        // Obstacles within reach, as the ray-circle test needs them: m = origin - centre, c = |m|² - r².
        Span<float> mx = stackalloc float[Arena.ObstacleCount];
        Span<float> my = stackalloc float[Arena.ObstacleCount];
        Span<float> mc = stackalloc float[Arena.ObstacleCount];
        int near = 0;
        for (int o = 0; o < Arena.ObstacleCount; o++)
        {
            float dx = x - Arena.ObstacleX[o], dy = y - Arena.ObstacleY[o], r = Arena.ObstacleRadius[o];
            float squared = dx * dx + dy * dy, reach = Sensors.RayRange + r;
            if (squared < reach * reach)
            {
                mx[near] = dx;
                my[near] = dy;
                mc[near] = squared - r * r;
                near++;
            }
        }

        float cos = MathF.Cos(heading), sin = MathF.Sin(heading);
        for (int k = 0; k < Sensors.RayCount; k++)
        {
            float dx = cos * s_rayCos[k] - sin * s_raySin[k];
            float dy = sin * s_rayCos[k] + cos * s_raySin[k];
            float best = MathF.Min(Sensors.RayRange, MathF.Min(ToWall(x, dx), ToWall(y, dy)));
            for (int o = 0; o < near; o++)
            {
                // |m + t·d|² = r²  ⇔  t² + 2bt + c = 0 with b = m·d; the nearer root is -b - √(b² - c).
                float b = mx[o] * dx + my[o] * dy, c = mc[o];
                float discriminant = b * b - c;
                if ((c > 0 && b > 0) || discriminant < 0)
                {
                    continue; // outside and facing away, or the line misses the circle
                }

                best = MathF.Min(best, MathF.Max(-b - MathF.Sqrt(discriminant), 0));
            }

            distances[k] = best;
        }
    }

    /// <summary>Distance along one axis to the wall the ray is heading for (position and direction on that axis).</summary>
    private static float ToWall(float position, float direction) =>
        direction > 0 ? (Arena.Size - position) / direction
        : direction < 0 ? -position / direction
        : float.PositiveInfinity;
}
