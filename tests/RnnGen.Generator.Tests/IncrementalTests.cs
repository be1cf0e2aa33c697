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
