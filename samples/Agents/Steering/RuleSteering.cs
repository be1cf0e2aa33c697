using System;
using Agents.World;

namespace Agents.Steering;

/// <summary>
/// The hand-written rule the GRU was trained to imitate: turn towards the more open front side, slow down and then
/// back off as the way ahead closes; when both sides look alike with something close ahead, turn left. training/train.py
/// has the same rule (rule()).
/// </summary>
internal sealed class RuleSteering : ISteering
{
    public string Description => "hand-written rule (what the GRU imitates)";

    public void Steer(ReadOnlySpan<float> sensors, Span<float> steering)
    {
        for (int i = 0; i < steering.Length / 2; i++)
        {
            ReadOnlySpan<float> rays = sensors.Slice(i * Sensors.Count, Sensors.RayCount);
            float left = rays[1] + 0.5f * rays[2], right = rays[7] + 0.5f * rays[6];
            float turn = Math.Clamp(2.5f * (left - right), -1f, 1f);
            if (rays[0] < 0.4f && MathF.Abs(left - right) < 0.1f)
            {
                turn = 1f;
            }

            steering[2 * i] = turn;
            steering[2 * i + 1] = Math.Clamp(2.2f * rays[0] - 0.5f, -0.5f, 1f);
        }
    }
}
