using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnGen.Tests.Shared;
using Xunit;

namespace RnnGen.Generator.Roslyn43Tests;

/// <summary>
/// The generator inside Roslyn 4.3 (the compiler of the .NET 6.0.4xx SDKs, and the API Unity 6 requires generators to
/// be built against): it loads, runs, and answers a model (and the code using it) with one diagnostic saying which compiler to use, since the
/// code it generates needs C# 12 (Roslyn 4.8). The package's users on current SDKs are covered by RnnGen.Generator.Tests.
/// </summary>
public sealed class OldCompilerTests
{
    private const string Model = """
        using RnnGen;

        [RnnModel(inputSize: 5)]
        [Lstm(2)]
        [Dense(3)]
        public partial class WordModel { }

        static class Uses
        {
            static void Step(float[] weights, float[] input, float[] output)
            {
                var model = WordModel.FromParameters(weights, WeightLayout.Keras);
                var state = model.NewState();
                model.Step(input, ref state, output);
            }
        }
        """;

    [Fact]
    public void The_test_really_runs_Roslyn_4_3()
    {
        Assert.Equal(new Version(4, 3), typeof(CSharpCompilation).Assembly.GetName().Version is { } v ? new Version(v.Major, v.Minor) : null);
    }

    [Theory]
    [InlineData(LanguageVersion.Preview)]
    [InlineData(LanguageVersion.CSharp10)]
    public void A_model_gets_one_error_naming_the_compiler_to_use(LanguageVersion version)
    {
        (GeneratorDriverRunResult result, ImmutableArray<Diagnostic> diagnostics) = Run(Model, version);

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Diagnostic error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("RNNG0024", error.Id);
        string message = error.GetMessage();
        Assert.Contains("Roslyn 4.3", message, StringComparison.Ordinal);
        Assert.Contains("'WordModel'", message, StringComparison.Ordinal);
        Assert.Contains(".NET 8 SDK", message, StringComparison.Ordinal);
        // Only the stand-ins that keep the error list to this one error (RefusedModelEmitter), compiled by this compiler.
        SyntaxTree generated = Assert.Single(result.GeneratedTrees);
        Assert.Contains("only stand in for the generated ones", generated.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_without_attributes_is_left_alone()
    {
        (GeneratorDriverRunResult result, ImmutableArray<Diagnostic> diagnostics) = Run("public partial class Plain { }", LanguageVersion.Preview);

        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    private static (GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> Diagnostics) Run(string source, LanguageVersion version)
    {
        var options = new CSharpParseOptions(version);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "OldCompilerInput",
            new[] { CSharpSyntaxTree.ParseText(source, options, "Model.cs") },
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new RnnGenerator().AsSourceGenerator() }, parseOptions: options)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        ImmutableArray<Diagnostic> all = generatorDiagnostics.AddRange(output.GetDiagnostics());
        return (driver.GetRunResult(), all);
    }

    private static IEnumerable<MetadataReference> References() =>
        CompilationReferencePaths.All().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
}
