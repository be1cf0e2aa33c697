using RnnGen.Kernels;
using Xunit;
using Xunit.Abstractions;

namespace RnnGen.Tests;

/// <summary>Each layer's vector path: measured by default, one path when asked, one per layer when given, and reported.</summary>
public sealed class PathSelectionTests(ITestOutputHelper output)
{
    [Fact]
    public void A_model_created_without_a_path_measures_its_recurrent_layers_and_reports_why()
    {
        var model = StreamingModel.FromParameters(TestWeights.Random(StreamingModel.ParameterLength(WeightLayout.Keras), 11), WeightLayout.Keras);
        VectorPath[] accelerated = Enum.GetValues<VectorPath>().Where(p => p != VectorPath.Scalar && VectorPaths.Lanes(p) <= VectorPaths.Lanes(VectorPaths.Best)).ToArray();

        output.WriteLine(PathCalibration.Report);
        Assert.Equal(3, model.LayerPaths.Length);
        Assert.Contains(model.LayerPaths[0], accelerated.Length > 0 ? accelerated : new[] { VectorPath.Scalar });
        Assert.Contains(model.LayerPaths[1], accelerated.Length > 0 ? accelerated : new[] { VectorPath.Scalar });
        Assert.Equal(VectorPaths.Best, model.LayerPaths[2]); // the Dense layer
        if (accelerated.Length >= 2 && PathCalibration.Selection == PathSelection.Measured)
        {
            Assert.Contains("Lstm(6) 4→6: ", PathCalibration.Report);
            Assert.Contains("Gru(5) 6→5: ", PathCalibration.Report);
        }
    }

    [Fact]
    public void A_given_path_is_every_layers_path_and_per_layer_paths_are_kept()
    {
        float[] parameters = TestWeights.Random(StreamingModel.ParameterLength(WeightLayout.Keras), 12);

        var one = StreamingModel.FromParameters(parameters, WeightLayout.Keras, VectorPath.Vector128);
        var each = StreamingModel.FromParameters(parameters, WeightLayout.Keras, new[] { VectorPath.Scalar, VectorPath.Vector512, VectorPath.Vector256 });

        Assert.Equal(new[] { VectorPath.Vector128, VectorPath.Vector128, VectorPath.Vector128 }, one.LayerPaths.ToArray());
        Assert.Equal(new[] { VectorPath.Scalar, VectorPath.Vector512, VectorPath.Vector256 }, each.LayerPaths.ToArray());
        Assert.Equal(VectorPath.Scalar, each.VectorPath); // the LSTM (264 weights) is the largest layer
    }

    [Fact]
    public void Per_layer_paths_must_name_every_layer()
    {
        float[] parameters = TestWeights.Random(StreamingModel.ParameterLength(WeightLayout.Keras), 13);

        var error = Assert.Throws<ArgumentException>(() => StreamingModel.FromParameters(parameters, WeightLayout.Keras, new[] { VectorPath.Scalar }));

        Assert.Contains("1 paths for 3 layers", error.Message);
    }
}
