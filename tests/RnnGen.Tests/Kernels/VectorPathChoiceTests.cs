using RnnGen.Kernels;
using Xunit;

namespace RnnGen.Tests.Kernels;

/// <summary>Which vector path a model gets when its creator does not name one.</summary>
public class VectorPathChoiceTests
{
    private static LayerShape Recurrent(int units) => new(LayerKind.Gru, inputSize: 5, units, directions: 1, useBias: true, resetAfter: true);

    private static LayerShape Dense(int units) => new(LayerKind.Dense, inputSize: 5, units, directions: 1, useBias: true, resetAfter: true);

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void Layers_of_at_most_eight_units_use_256_bit_registers_where_512_is_best(int units)
    {
        VectorPath expected = VectorPaths.Best == VectorPath.Vector512 ? VectorPath.Vector256 : VectorPaths.Best;

        Assert.Equal(expected, VectorPaths.For([Recurrent(units)]));
        Assert.Equal(expected, VectorPaths.For([Recurrent(units), Dense(100)]));
    }

    [Fact]
    public void One_wider_recurrent_layer_keeps_the_best_path()
    {
        Assert.Equal(VectorPaths.Best, VectorPaths.For([Recurrent(9)]));
        Assert.Equal(VectorPaths.Best, VectorPaths.For([Recurrent(2), Recurrent(40)]));
    }

    [Fact]
    public void Generated_models_start_on_the_path_chosen_for_their_layers()
    {
        var streaming = StreamingModel.FromParameters(new float[StreamingModel.ParameterLength(WeightLayout.Keras)], WeightLayout.Keras);
        var wide = TestModels.Wide.FromParameters(new float[TestModels.Wide.ParameterLength(WeightLayout.Keras)], WeightLayout.Keras);

        Assert.Equal(VectorPaths.For(StreamingModel.LayerShapes), streaming.VectorPath);
        Assert.Equal(VectorPaths.Best, wide.VectorPath);
    }
}
