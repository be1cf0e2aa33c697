using System;

namespace Agents.World;

/// <summary>
/// Applies each agent's steering for one frame: turn, ease the speed towards the throttle's target, move; a move into
/// a wall or obstacle is a collision, and the agent stays put and stops. Agents pass through each other.
/// </summary>
internal static class Physics
{
    /// <summary><paramref name="steering"/> holds (turn, throttle) per agent, both in -1..1.</summary>
    public static void Move(Swarm swarm, ReadOnlySpan<float> steering)
    {
        const float Dt = Arena.FrameSeconds;
        float[] xs = swarm.X, ys = swarm.Y, headings = swarm.Heading, speeds = swarm.Speed;
        long collisions = 0;
        double distance = 0;
        for (int i = 0; i < swarm.Count; i++)
        {
            float turn = Math.Clamp(steering[2 * i], -1f, 1f), throttle = Math.Clamp(steering[2 * i + 1], -1f, 1f);
            float heading = headings[i] + turn * Arena.MaxTurn * Dt;
            heading = heading > MathF.PI ? heading - 2 * MathF.PI : heading < -MathF.PI ? heading + 2 * MathF.PI : heading;
            float speed = speeds[i] + (throttle * Arena.MaxSpeed - speeds[i]) * Arena.SpeedResponse;
            float x = xs[i] + speed * MathF.Cos(heading) * Dt, y = ys[i] + speed * MathF.Sin(heading) * Dt;
            headings[i] = heading;
            if (Arena.Blocked(x, y, Arena.AgentRadius))
            {
                speeds[i] = 0;
                collisions++;
                continue;
            }

            xs[i] = x;
            ys[i] = y;
            speeds[i] = speed;
            distance += MathF.Abs(speed) * Dt;
        }

        swarm.Collisions += collisions;
        swarm.Distance += distance;
    }
}
