using Xunit;
using Xunit.Abstractions;

namespace RnnGen.Import.Tests;

/// <summary>
/// import → safetensors bytes → generated model FromSafetensors → Run, against the framework's own output, in both
/// layouts a file can be written in: this is the proof that names, shapes, gate orders and biases all come out right.
/// </summary>
public sealed class RoundTripTests(ITestOutputHelper output)
{
    private const float Tolerance = 1e-5f;

    public static IEnumerable<object[]> CasesAndLayouts =>
        ImportCase.All.SelectMany(c => (c.KerasOnly ? new[] { WeightLayout.Keras } : new[] { WeightLayout.Keras, WeightLayout.PyTorch }).Select(l => new object[] { c.Name, l }));

    [Theory]
    [MemberData(nameof(CasesAndLayouts))]
    public void Imported_weights_reproduce_the_frameworks_output(string name, WeightLayout layout)
    {
        double error = MaxError(ImportCase.Get(name), layout);
        output.WriteLine($"{name} ({layout} layout): max |error| = {error:E2}");
        Assert.True(error <= Tolerance, $"{name}: max error {error:E2} > {Tolerance:E0}");
    }

    [Fact]
    public void A_reset_before_GRU_is_refused_in_the_PyTorch_layout_and_the_default_layout_is_Keras()
    {
        ImportedModel model = ModelImporter.Read(TestFiles.Read("onnx_gru_reset_before.onnx"), "onnx_gru_reset_before.onnx");

        Assert.Equal(WeightLayout.Keras, model.NativeLayout);
        var error = Assert.Throws<ModelImportException>(() => TensorRenderer.Render(model, WeightLayout.PyTorch));
        Assert.Contains("PyTorch's nn.GRU only has the reset-after form", error.Message);
    }

    internal static double MaxError(ImportCase test, WeightLayout layout)
    {
        ImportedModel model = ModelImporter.Read(TestFiles.Read(test.File), test.File);
        model.ThrowIfUnsupported();
        byte[] file = SafetensorsWriter.Write(TensorRenderer.Render(model, layout));
        Expected expected = Expected.Load(test.Name);
        float[] actual = test.Load(file, layout)(expected.Input, expected.TimeSteps);
        int inputSize = model.InputSize;
        int outputSize = actual.Length / (actual.Length == expected.Output.Length && actual.Length % expected.TimeSteps == 0 ? expected.TimeSteps : 1);
        for (int t = 0; t < expected.TimeSteps && test.Skip > 0; t++)
        {
            for (int i = 0; i < test.Skip; i++)
            {
                actual[(t * outputSize) + i] += expected.Input[(t * inputSize) + i]; // GuitarML skip, until the generator has Skip
            }
        }

        Assert.Equal(expected.Output.Length, actual.Length);
        return expected.Output.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
    }
}
