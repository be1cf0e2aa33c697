using System;
using RnnGen.Kernels;

namespace Agents.Steering;

/// <summary>
/// The trained controller: one <c>StepBatch</c> per frame for the whole swarm, each agent with its own GRU state in
/// one <see cref="ControllerModel.BatchState"/> allocated up front.
/// </summary>
internal sealed class RnnSteering(ControllerModel model, int agents) : ISteering
{
    private readonly ControllerModel.BatchState _state = new(agents);

    public ControllerModel Model => model;

    public string Description => $"GRU(16) → Dense(2, tanh), {ControllerModel.ParameterCount} weights baked in, StepBatch on {VectorPaths.Describe(model.VectorPath)}";

    public void Steer(ReadOnlySpan<float> sensors, Span<float> steering) => model.StepBatch(sensors, _state, steering);
}
