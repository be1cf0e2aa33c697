using Agents;
using Agents.Steering;
using RnnGen.Tests.Shared;
using Xunit;

namespace RnnGen.Agents.Tests;

[Collection(GcCountingCollection.Name)]
public class FrameLoopTests
{
    [Theory]
    [InlineData("rnn")]
    [InlineData("rule")]
    [InlineData("random")]
    public void Timed_frames_allocate_nothing_and_collect_nothing(string controller)
    {
        var simulation = new Simulation(300, Controllers.Create(controller, 300, seed: 5), seed: 5);
        RunReport report = FrameRunner.Run(simulation, controller, warmupFrames: 20, frames: 2000);
        Assert.Equal(0, report.AllocatedBytes);
        Assert.Equal(0, report.Collections);
    }

    [Fact]
    public void Same_seed_gives_the_same_checksum_and_another_seed_another()
    {
        ulong first = Run(seed: 3), again = Run(seed: 3), other = Run(seed: 4);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Trained_controller_collides_far_less_than_random_steering_and_keeps_moving()
    {
        RunReport rnn = Measure("rnn"), random = Measure("random");
        Assert.True(rnn.CollisionsPerAgentMinute < random.CollisionsPerAgentMinute / 4,
            $"rnn {rnn.CollisionsPerAgentMinute:F2} vs random {random.CollisionsPerAgentMinute:F2} collisions per agent-minute");
        Assert.True(rnn.DistancePerAgentMinute > random.DistancePerAgentMinute,
            $"rnn {rnn.DistancePerAgentMinute:F1} vs random {random.DistancePerAgentMinute:F1} distance per agent-minute");
    }

    private static ulong Run(ulong seed)
    {
        var simulation = new Simulation(100, Controllers.Create("rnn", 100, seed), seed);
        for (int f = 0; f < 300; f++)
        {
            simulation.Frame();
        }

        return simulation.Checksum();
    }

    private static RunReport Measure(string controller) =>
        FrameRunner.Run(new Simulation(200, Controllers.Create(controller, 200, seed: 9), seed: 9), controller, warmupFrames: 60, frames: 1800);
}
