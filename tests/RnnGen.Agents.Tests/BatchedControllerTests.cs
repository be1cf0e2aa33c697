using Agents;
using Agents.Steering;
using Agents.World;
using Xunit;

namespace RnnGen.Agents.Tests;

public class BatchedControllerTests
{
    [Fact]
    public void StepBatch_steers_every_agent_bit_for_bit_as_Step_does_alone()
    {
        const int Agents = 37;
        var model = ControllerModel.Default;
        var simulation = new Simulation(Agents, new RnnSteering(model, Agents), seed: 11);
        var states = new ControllerModel.State[Agents];
        float[] alone = new float[2];
        for (int frame = 0; frame < 120; frame++)
        {
            simulation.Frame();
            for (int i = 0; i < Agents; i++)
            {
                model.Step(simulation.LastSensors.Slice(i * Sensors.Count, Sensors.Count), ref states[i], alone);
                for (int k = 0; k < 2; k++)
                {
                    float batched = simulation.LastSteering[2 * i + k];
                    Assert.True(BitConverter.SingleToInt32Bits(batched) == BitConverter.SingleToInt32Bits(alone[k]),
                        $"frame {frame}, agent {i}, output {k}: StepBatch {batched:R}, Step {alone[k]:R}");
                }
            }
        }
    }
}
