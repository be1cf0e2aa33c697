using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>An edit elsewhere must not re-emit a model; an edit of the model must.</summary>
public sealed class IncrementalTests
{
    private const string ModelSource = """
        using RnnGen;

        namespace Demo;

        [RnnModel(inputSize: 5)]
        [Lstm(2, ReturnSequences = true)]
        [Dense(3, Activation = Activation.Softmax)]
        public partial class WordModel;
        """;

    private const string UnrelatedSource = """
        namespace Demo;

        public static class Helpers
        {
            public static int Twice(int x) => x * 2;
        }
        """;

    [Theory]
    [InlineData("""
        namespace Demo;

        public static class Helpers
        {
            public static int Twice(int x) => x + x;
        }
        """)]
    [InlineData("""
        namespace Demo;

        public static class Helpers
        {
            public static int Twice(int x) => x * 2;
        }

        public sealed class Another
        {
            public string Name { get; set; } = "";
        }
        """)]
    public void UnrelatedEdit_ModelIsCachedAndOutputIdentical(string editedUnrelated)
    {
        GeneratorRun first = GeneratorHarness.Run(Initial());
        string before = Assert.Single(first.Sources).SourceText.ToString();

        CSharpCompilation edited = Replace(first.Input, "Helpers.cs", editedUnrelated);
        GeneratorDriver driver = first.Driver.RunGenerators(edited);
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        AssertReasons(second, TrackingNames.Parse, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(second, TrackingNames.Model, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(before, Assert.Single(second.GeneratedSources).SourceText.ToString());
    }

    [Fact]
    public void ModelEdit_ModelIsModifiedAndOutputChanges()
    {
        GeneratorRun first = GeneratorHarness.Run(Initial());
        string before = Assert.Single(first.Sources).SourceText.ToString();

        CSharpCompilation edited = Replace(first.Input, "WordModel.cs", ModelSource.Replace("[Lstm(2,", "[Lstm(3,", StringComparison.Ordinal));
        GeneratorDriver driver = first.Driver.RunGenerators(edited);
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        AssertReasons(second, TrackingNames.Parse, IncrementalStepRunReason.Modified);
        AssertReasons(second, TrackingNames.Model, IncrementalStepRunReason.Modified);
        string after = Assert.Single(second.GeneratedSources).SourceText.ToString();
        Assert.NotEqual(before, after);
        Assert.Contains("units: 3", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_baked_weights_file_rebakes_and_an_unrelated_edit_does_not()
    {
        const string baked = """
            using RnnGen;

            [RnnModel(inputSize: 3, Weights = "tiny.safetensors", Layout = WeightLayout.PyTorch)]
            [Lstm(2)]
            partial class Tiny;
            """;
        byte[] file = WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2));
        AdditionalText original = WeightsFiles.Encoded("tiny.safetensors", file);
        CSharpCompilation input = GeneratorHarness.Compile(GeneratorHarness.ParseOptions(), ("Tiny.cs", baked), ("Helpers.cs", UnrelatedSource));
        GeneratorRun first = GeneratorHarness.Run(input, original);
        string before = Assert.Single(first.Sources).SourceText.ToString();

        // An unrelated source edit: the weights are neither re-read nor re-emitted.
        GeneratorDriver driver = first.Driver.RunGenerators(Replace(input, "Helpers.cs", UnrelatedSource.Replace("x * 2", "x + x", StringComparison.Ordinal)));
        GeneratorRunResult unrelated = driver.GetRunResult().Results.Single();
        AssertReasons(unrelated, TrackingNames.WeightsFiles, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertReasons(unrelated, TrackingNames.Bake, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);

        // Retraining changed one weight (the first of weight_ih_l0, the first canonical value too): the file is re-read,
        // re-checked and the new value emitted.
        BitConverter.GetBytes(0.25f).CopyTo(file, file.Length - (4 * ((8 * 3) + (8 * 2) + 8 + 8)));
        driver = driver.ReplaceAdditionalText(original, WeightsFiles.Encoded("tiny.safetensors", file)).RunGenerators(input);
        GeneratorRunResult edited = driver.GetRunResult().Results.Single();
        AssertReasons(edited, TrackingNames.Bake, IncrementalStepRunReason.Modified);
        string after = Assert.Single(edited.GeneratedSources).SourceText.ToString();
        Assert.NotEqual(before, after);
        Assert.Contains("\"\\u0000\\u3E80", after, StringComparison.Ordinal); // 0.25f = 0x3E800000, low half first
    }

    [Fact]
    public void A_weights_file_no_model_names_leaves_models_cached()
    {
        GeneratorRun first = GeneratorHarness.Run(Initial());

        GeneratorDriver driver = first.Driver
            .AddAdditionalTexts([WeightsFiles.Encoded("unused.safetensors", WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2)))])
            .RunGenerators(first.Input);
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        AssertReasons(second, TrackingNames.Bake, IncrementalStepRunReason.Unchanged);
        Assert.Equal(Assert.Single(first.Sources).SourceText.ToString(), Assert.Single(second.GeneratedSources).SourceText.ToString());
    }

    private static CSharpCompilation Initial() =>
        GeneratorHarness.Compile(GeneratorHarness.ParseOptions(), ("WordModel.cs", ModelSource), ("Helpers.cs", UnrelatedSource));

    private static CSharpCompilation Replace(CSharpCompilation compilation, string path, string source)
    {
        SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, (CSharpParseOptions)old.Options, path));
    }

    private static void AssertReasons(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), "step " + step + " was not tracked");
        var reasons = runs.SelectMany(run => run.Outputs).Select(output => output.Reason).ToArray();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Contains(reason, allowed));
    }
}
