using RnnGen;

namespace Agents.Steering;

/// <summary>
/// The agents' controller: one GRU step per frame from the 8 ray distances and the speed (all in 0..1) to turn and
/// throttle (both in -1..1). Trained by training/train.py to imitate <see cref="RuleSteering"/>; the weights are
/// compiled into the binary.
/// </summary>
[RnnModel(inputSize: World.Sensors.Count, Weights = "model/controller.safetensors", Layout = WeightLayout.PyTorch)]
[Gru(16)]
[Dense(2, Activation = Activation.Tanh)]
internal sealed partial class ControllerModel;
