namespace Agents.World;

/// <summary>
/// The square arena and its 4 × 4 grid of round obstacles, and the physics constants. training/train.py repeats these
/// numbers: change both together, or the controller is trained on another world.
/// </summary>
internal static class Arena
{
    public const float Size = 100f;
    public const float AgentRadius = 0.5f;
    public const float FrameSeconds = 1f / 60f;
    public const float MaxSpeed = 12f;

    /// <summary>Radians per second at full turn (|turn| = 1).</summary>
    public const float MaxTurn = 3f;

    /// <summary>The fraction of the gap to the throttle's target speed closed each frame: a little inertia.</summary>
    public const float SpeedResponse = 0.1f;

    public const int ObstacleCount = 16;

    public static readonly float[] ObstacleX = new float[ObstacleCount];
    public static readonly float[] ObstacleY = new float[ObstacleCount];
    public static readonly float[] ObstacleRadius = new float[ObstacleCount];

    static Arena()
    {
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                int k = 4 * i + j;
                ObstacleX[k] = 12.5f + 25 * i;
                ObstacleY[k] = 12.5f + 25 * j;
                ObstacleRadius[k] = 4f + 1.5f * ((3 * i + j) % 3);
            }
        }
    }

    /// <summary>Whether a body of <paramref name="radius"/> at (x, y) overlaps a wall or an obstacle.</summary>
    public static bool Blocked(float x, float y, float radius)
    {
        if (x < radius || x > Size - radius || y < radius || y > Size - radius)
        {
            return true;
        }

        for (int k = 0; k < ObstacleCount; k++)
        {
            float dx = x - ObstacleX[k], dy = y - ObstacleY[k], reach = ObstacleRadius[k] + radius;
            if (dx * dx + dy * dy < reach * reach)
            {
                return true;
            }
        }

        return false;
    }
}
