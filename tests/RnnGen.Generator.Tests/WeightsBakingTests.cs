using Microsoft.CodeAnalysis;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>
/// [RnnModel(Weights = …)]: a matching file is baked in as <c>Default</c>; every problem with the options or the file is
/// one diagnostic on the attribute that names the tensor, the layer and both shapes, and the model itself is still
/// generated (without Default) so the user sees that error and not a cascade. Correct values are checked end to end
/// in RnnGen.Tests (BakedWeightsTests), which bakes golden files through a real build.
/// </summary>
public sealed class WeightsBakingTests
{
    private const string Tiny = """
        using RnnGen;

        [RnnModel(inputSize: 3, Weights = "models/tiny.safetensors", Layout = WeightLayout.PyTorch)]
        [Lstm(2)]
        partial class Tiny;
        """;

    [Fact]
    public void A_matching_file_is_baked_into_Default()
    {
        GeneratorRun run = Run(Tiny, WeightsFiles.Encoded("/repo/app/models/tiny.safetensors", WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2))));

        Assert.Empty(run.GeneratorDiagnostics);
        string source = Assert.Single(run.Sources).SourceText.ToString();
        Assert.Contains("public static Tiny Default => RnnGenBaked.Model;", source, StringComparison.Ordinal);
        Assert.Contains("(4 PyTorch tensors, 48 floats, checked", source, StringComparison.Ordinal);
        Assert.Empty(run.NewErrors());
    }

    [Fact]
    public void Weights_are_one_string_literal_of_float_bits_and_huge_models_a_float_array()
    {
        GeneratorRun small = Run(Tiny, WeightsFiles.Encoded("models/tiny.safetensors", WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2))));
        string source = Assert.Single(small.Sources).SourceText.ToString();
        Assert.Contains("BakedData.AsFloats(", source, StringComparison.Ordinal);
        Assert.Contains("\"\\u0000\\u3F80", source, StringComparison.Ordinal); // the first weight, 1.0f = 0x3F800000, low half first

        // 4·512·(256 + 512 + 1) = 1,574,912 floats: more than one literal should hold, so a constant array instead.
        string huge = Tiny.Replace("inputSize: 3", "inputSize: 256", StringComparison.Ordinal).Replace("[Lstm(2)]", "[Lstm(512)]", StringComparison.Ordinal);
        GeneratorRun large = Run(huge, WeightsFiles.Encoded("models/tiny.safetensors", WeightsFiles.Safetensors(WeightsFiles.TorchLstm(256, 512))));
        Assert.Empty(large.GeneratorDiagnostics);
        string largeSource = Assert.Single(large.Sources).SourceText.ToString();
        Assert.Contains("private static global::System.ReadOnlySpan<float> Canonical => new float[]", largeSource, StringComparison.Ordinal);
        Assert.Matches(@"new float\[\]\n\s*\{\n\s*1f, ", largeSource);
    }

    [Theory]
    [InlineData("F16", 0x0001, 0x3E00, "\\u0000\\u3380")] // the smallest subnormal half, 2^-24 = 0x33800000
    [InlineData("BF16", 0xC0A0, 0x3FC0, "\\u0000\\uC0A0")] // -5 = 0xC0A00000
    public void Half_precision_weights_widen_exactly(string dtype, int first, int rest, string firstLiteral)
    {
        byte[] file = WeightsFiles.HalfSafetensors(dtype, (ushort)first, (ushort)rest, WeightsFiles.TorchLstm(3, 2));

        GeneratorRun run = Run(Tiny, WeightsFiles.Encoded("models/tiny.safetensors", file));

        Assert.Empty(run.GeneratorDiagnostics);
        string source = Assert.Single(run.Sources).SourceText.ToString();
        Assert.Contains("\"" + firstLiteral + "\\u0000\\u3FC0", source, StringComparison.Ordinal); // then 1.5 = 0x3FC00000
    }

    [Theory]
    [InlineData("Weights = \"tiny.safetensors\"", "add Layout = WeightLayout.PyTorch")]
    [InlineData("Weights = \"tiny.safetensors\", Layout = WeightLayout.Onnx", "ONNX initializers have no standard names")]
    [InlineData("Layout = WeightLayout.Keras", "set Weights = \\\"model.safetensors\\\" too")]
    [InlineData("Weights = \"\", Layout = WeightLayout.Keras", "Weights is empty")]
    [InlineData("Weights = \"tiny.safetensors\", Layout = (WeightLayout)7", "Layout = 7 is not a WeightLayout")]
    public void RNNG0017_weights_options_that_cannot_work(string options, string advice)
    {
        string source = Tiny.Replace("Weights = \"models/tiny.safetensors\", Layout = WeightLayout.PyTorch", options, StringComparison.Ordinal);

        GeneratorRun run = Run(source, WeightsFiles.Encoded("tiny.safetensors", WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2))));

        AssertOnAttribute(run, "RNNG0017", advice.Replace("\\\"", "\"", StringComparison.Ordinal));
        DiagnosticTests.AssertStandInsOnly(run);
    }

    [Fact]
    public void RNNG0018_a_file_missing_from_AdditionalFiles_says_how_to_add_it()
    {
        GeneratorRun run = Run(Tiny, WeightsFiles.Encoded("other/models2/tiny.safetensors", WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2))));

        AssertOnAttribute(run, "RNNG0018", "'models/tiny.safetensors' is not among the project's AdditionalFiles (it lists other/models2/tiny.safetensors)", "<AdditionalFiles Include=\"models/tiny.safetensors\" />", "RnnGen.Weights.targets");
    }

    [Fact]
    public void RNNG0018_two_files_ending_in_the_same_path_are_ambiguous()
    {
        byte[] file = WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2));

        GeneratorRun run = Run(Tiny, WeightsFiles.Encoded("/a/models/tiny.safetensors", file), WeightsFiles.Encoded("/b/models/tiny.safetensors", file));

        AssertOnAttribute(run, "RNNG0018", "matches several AdditionalFiles", "/a/models/tiny.safetensors", "/b/models/tiny.safetensors");
    }

    [Fact]
    public void RNNG0019_a_cut_file_is_refused_with_the_reason()
    {
        byte[] file = WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2));

        GeneratorRun run = Run(Tiny, WeightsFiles.Encoded("models/tiny.safetensors", file.AsSpan(0, file.Length - 10).ToArray()));

        AssertOnAttribute(run, "RNNG0019", "tensor 'rnn.bias_hh_l0' has data_offsets [192, 224] outside the 214 data bytes of the file");
    }

    [Theory]
    [InlineData("not base64 at all!", "not the base64 text")]
    [InlineData("AAAAAAAAAA==", "fewer than the 8-byte header length")]
    public void RNNG0019_text_that_is_not_an_encoded_safetensors_file(string content, string reason)
    {
        GeneratorRun run = Run(Tiny, WeightsFiles.Text("models/tiny.safetensors.base64", content));

        AssertOnAttribute(run, "RNNG0019", reason);
    }

    [Fact]
    public void RNNG0019_non_finite_weights_are_named()
    {
        byte[] file = WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2));
        int dataStart = file.Length - (4 * ((8 * 3) + (8 * 2) + 8 + 8));
        BitConverter.GetBytes(float.NaN).CopyTo(file, dataStart + (4 * 5));

        GeneratorRun run = Run(Tiny, WeightsFiles.Encoded("models/tiny.safetensors", file));

        AssertOnAttribute(run, "RNNG0019", "tensor 'rnn.weight_ih_l0' holds NaN at element 5");
    }

    [Fact]
    public void RNNG0020_a_mis_shaped_tensor_names_the_tensor_the_layer_and_both_shapes()
    {
        GeneratorRun run = Run(Tiny, WeightsFiles.Encoded("models/tiny.safetensors", WeightsFiles.Safetensors(WeightsFiles.TorchLstm(4, 2))));

        AssertOnAttribute(run, "RNNG0020", "no PyTorch tensors in the file fit layer 0 Lstm(2)", "'rnn.weight_ih_l0' has shape [8, 4], the layer needs [8, 3]");
        // The model is generated; its Default only throws (the build fails on RNNG0020 anyway).
        string source = Assert.Single(run.Sources).SourceText.ToString();
        Assert.Contains("public static Tiny Default => throw new global::System.InvalidOperationException(", source, StringComparison.Ordinal);
        Assert.DoesNotContain("RnnGenBaked", source, StringComparison.Ordinal);
        Assert.Empty(run.NewErrors());
    }

    [Fact]
    public void RNNG0020_a_tensor_no_layer_uses_is_named()
    {
        (string, int[])[] tensors = [.. WeightsFiles.TorchLstm(3, 2), ("head.weight", [1, 2])];

        GeneratorRun run = Run(Tiny, WeightsFiles.Encoded("models/tiny.safetensors", WeightsFiles.Safetensors(tensors)));

        AssertOnAttribute(run, "RNNG0020", "1 tensor(s) in the file fit no declared layer: 'head.weight' [1, 2]");
    }

    [Fact]
    public void RNNG0020_a_layout_that_cannot_describe_a_layer()
    {
        string source = Tiny.Replace("[Lstm(2)]", "[Gru(2, ResetAfter = false)]", StringComparison.Ordinal);

        GeneratorRun run = Run(source, WeightsFiles.Encoded("models/tiny.safetensors", WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2))));

        AssertOnAttribute(run, "RNNG0020", "layer 0 Gru(2) 3→2 cannot be read from PyTorch weights", "reset-after form");
    }

    private static GeneratorRun Run(string source, params AdditionalText[] files) =>
        GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.ParseOptions(), ("Model.cs", source)), files);

    private static void AssertOnAttribute(GeneratorRun run, string id, params string[] phrases)
    {
        Assert.Null(run.Generator.Exception);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        string underlined = run.Input.SyntaxTrees.Single().GetText().ToString(diagnostic.Location.SourceSpan);
        Assert.StartsWith("RnnModel(inputSize: 3", underlined, StringComparison.Ordinal);
        foreach (string phrase in phrases)
        {
            Assert.True(diagnostic.GetMessage().Contains(phrase, StringComparison.Ordinal), $"'{phrase}' is not in: {diagnostic.GetMessage()}");
        }
    }
}
