namespace Agents.World;

/// <summary>What an agent senses each frame, the controller's input: ray distances, then its speed.</summary>
internal static class Sensors
{
    /// <summary>Rays at 0°, 45°, … 315° from the heading, counter-clockwise: ray 1 looks front-left, ray 7 front-right.</summary>
    public const int RayCount = 8;

    /// <summary>How far a ray sees; a ray that hits nothing reads 1.</summary>
    public const float RayRange = 20f;

    /// <summary>Floats per agent: each ray's distance / <see cref="RayRange"/>, then speed / <see cref="Arena.MaxSpeed"/>.</summary>
    public const int Count = RayCount + 1;

    public const int Speed = RayCount;
}
