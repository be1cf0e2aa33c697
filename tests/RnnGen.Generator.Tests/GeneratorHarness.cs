using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnGen.Tests.Shared;

namespace RnnGen.Generator.Tests;

/// <summary>Runs <see cref="RnnGenerator"/> over in-memory sources against the net10 framework and the RnnGen runtime.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.CSharp12, DocumentationMode documentation = DocumentationMode.Parse) =>
        new(version, documentation);

    /// <summary>Library compilation with nullable on and every warning an error, as Directory.Build.props sets for real projects.</summary>
    public static CSharpCompilation Compile(CSharpParseOptions options, params (string Path, string Source)[] files) =>
        Compile(options, warningsAsErrors: true, files);

    public static CSharpCompilation Compile(CSharpParseOptions options, bool warningsAsErrors, params (string Path, string Source)[] files) =>
        CSharpCompilation.Create(
            "GeneratorTestInput",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, options, f.Path)),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: warningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default));

    public static CSharpCompilation Compile(string source, LanguageVersion version = LanguageVersion.CSharp12, bool warningsAsErrors = true) =>
        Compile(ParseOptions(version), warningsAsErrors, ("Model.cs", source));

    public static GeneratorDriver CreateDriver(CSharpParseOptions options, params AdditionalText[] additionalTexts) =>
        CSharpGeneratorDriver.Create(
            new[] { new RnnGenerator().AsSourceGenerator() },
            additionalTexts: additionalTexts,
            parseOptions: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator with AdditionalFiles (e.g. <see cref="WeightsFiles.Encoded"/> weights files).</summary>
    public static GeneratorRun Run(CSharpCompilation input, params AdditionalText[] additionalTexts)
    {
        GeneratorDriver driver = CreateDriver((CSharpParseOptions)input.SyntaxTrees.First().Options, additionalTexts)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        return new GeneratorRun(input, driver, driver.GetRunResult(), output, driverDiagnostics);
    }

    public static GeneratorRun Run(string source, LanguageVersion version = LanguageVersion.CSharp12, bool warningsAsErrors = true) =>
        Run(Compile(source, version, warningsAsErrors));

    /// <summary>Diagnostics a user would see: everything but hidden ones (unused usings and the like).</summary>
    public static Diagnostic[] Visible(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToArray();

    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));

    private static ImmutableArray<MetadataReference> LoadReferences() =>
        CompilationReferencePaths.All().Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
}

/// <summary>One generator run: what went in, the driver (for re-running), its result and the updated compilation.</summary>
internal sealed record GeneratorRun(
    CSharpCompilation Input,
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    Compilation Output,
    ImmutableArray<Diagnostic> DriverDiagnostics)
{
    public GeneratorRunResult Generator => Result.Results.Single();

    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Generator.Diagnostics;

    public ImmutableArray<GeneratedSourceResult> Sources => Generator.GeneratedSources;

    /// <summary>Errors of the output compilation that the input did not already have: what generated code added.</summary>
    public Diagnostic[] NewErrors()
    {
        var before = new HashSet<string>(Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        return Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !before.Contains(d.ToString())).ToArray();
    }
}
