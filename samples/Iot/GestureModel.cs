using RnnGen;

namespace Iot;

/// <summary>
/// The gesture recognizer: one LSTM step per IMU sample (ax, ay, az, gx, gy, gz, normalised), then the probability of
/// each of <see cref="Gestures.Names"/>. Trained by training/train.py; the weights are compiled into the binary.
/// </summary>
[RnnModel(inputSize: 6, Weights = "model/gesture.safetensors", Layout = WeightLayout.PyTorch)]
[Lstm(32)]
[Dense(5, Activation = Activation.Softmax)]
internal sealed partial class GestureModel;
