namespace RnnGen.Tests;

// Models for API, error and allocation tests (the golden models live in Golden/GoldenModels.g.cs).

[RnnModel(inputSize: 4)]
[Lstm(6, ReturnSequences = true)]
[Gru(5)]
[Dense(3, Activation = Activation.Softmax)]
internal partial class StreamingModel;

[RnnModel(inputSize: 4)]
[Lstm(6, ReturnSequences = true, Direction = Direction.Bidirectional)]
[Dense(5, Activation = Activation.Relu)]
[SimpleRnn(3, Direction = Direction.Backward, ReturnSequences = true)]
internal partial class BidirectionalModel;

[RnnModel(inputSize: 3)]
[Gru(4, ResetAfter = false)]
internal partial class ResetBeforeGru;

/// <summary>A struct model: default(T) has no weights and must say so instead of crashing.</summary>
[RnnModel(inputSize: 2)]
[SimpleRnn(3)]
internal partial struct StructModel;

/// <summary>NeuralAmpModeler-style: learned initial state, an activation layer, a parameterised Dense activation.</summary>
[RnnModel(inputSize: 2)]
[Lstm(6, ReturnSequences = true, LearnedInitialState = true)]
[ActivationLayer(Activation.LeakyRelu, Alpha = 0.01f)]
[Dense(3, Activation = Activation.Elu)]
[ActivationLayer(Activation.Softmax)]
internal partial class LearnedStateModel;

/// <summary>No recurrent layer: its State holds nothing.</summary>
[RnnModel(inputSize: 3)]
[Dense(5, Activation = Activation.Elu, Alpha = 0.5f)]
[ActivationLayer(Activation.Tanh)]
[Dense(2, UseBias = false)]
internal partial class DenseOnlyModel;

internal static class TestWeights
{
    /// <summary>Deterministic weights in [-0.5, 0.5).</summary>
    public static float[] Random(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)random.NextDouble() - 0.5f;
        }

        return values;
    }
}
