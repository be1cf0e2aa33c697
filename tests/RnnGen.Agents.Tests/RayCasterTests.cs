using Agents.World;
using Xunit;

namespace RnnGen.Agents.Tests;

/// <summary>Ray distances against cases worked out by hand from the arena's layout (obstacles at 12.5 + 25i, 12.5 + 25j).</summary>
public class RayCasterTests
{
    private readonly float[] _rays = new float[Sensors.RayCount];

    [Fact]
    public void Obstacle_ahead_is_hit_at_its_near_edge()
    {
        // (25, 12.5) facing -x: the obstacle at (12.5, 12.5), radius 4 (i = 0, j = 0), is 12.5 - 4 = 8.5 away.
        RayCaster.Cast(25f, 12.5f, MathF.PI, _rays);
        Assert.Equal(8.5f, _rays[0], 4);
    }

    [Fact]
    public void Ray_to_the_side_sees_the_obstacle_in_that_direction()
    {
        // (25, 12.5) facing +y: ray 2 (90° left) points at -x, the same obstacle 8.5 away; ray 6 (90° right) points at
        // +x, towards the obstacle at (37.5, 12.5) with radius 4 + 1.5·(3 % 3) = 4: 12.5 - 4 = 8.5 too.
        RayCaster.Cast(25f, 12.5f, MathF.PI / 2, _rays);
        Assert.Equal(8.5f, _rays[2], 4);
        Assert.Equal(8.5f, _rays[6], 4);
    }

    [Fact]
    public void Wall_beyond_range_reads_the_range_and_a_near_wall_its_distance()
    {
        // (25, 2) facing +x between rows of obstacles: ray 6 points at -y, the wall is 2 away; ray 0 runs along y = 2,
        // clear of the obstacle at (37.5, 12.5) (10.5 away, radius 4), so it reads the full range.
        RayCaster.Cast(25f, 2f, 0f, _rays);
        Assert.Equal(2f, _rays[6], 4);
        Assert.Equal(Sensors.RayRange, _rays[0], 4);
    }

    [Fact]
    public void Diagonal_ray_reaches_the_wall_at_root_two_times_the_gap()
    {
        // (98, 50) facing +x: ray 1 (45° left) meets the wall x = 100 after 2·√2.
        RayCaster.Cast(98f, 50f, 0f, _rays);
        Assert.Equal(2f * MathF.Sqrt(2f), _rays[1], 4);
    }

    [Fact]
    public void Ray_that_grazes_past_a_circle_misses_it()
    {
        // (25, 17) facing -x: the line y = 17 passes 4.5 from (12.5, 12.5), outside its radius 4, and the obstacle at
        // (12.5, 37.5) (radius 5.5) is 20.5 away across, so ray 0 reaches the range.
        RayCaster.Cast(25f, 17f, MathF.PI, _rays);
        Assert.Equal(Sensors.RayRange, _rays[0], 4);
    }

    [Fact]
    public void Ray_from_inside_an_obstacle_reads_zero()
    {
        RayCaster.Cast(12.5f, 12.5f, 0f, _rays);
        Assert.All(_rays, distance => Assert.Equal(0f, distance));
    }
}
