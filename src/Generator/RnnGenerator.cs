using Microsoft.CodeAnalysis;
using RnnGen.Generator.Emitting;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;
using RnnGen.Generator.Parsing;

namespace RnnGen.Generator;

/// <summary>
/// Generates the fixed-size step code of every type marked [RnnModel]. This file only wires the pipeline:
/// parsing is in <see cref="ModelParser"/>, emitting in <see cref="ModelEmitter"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RnnGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ModelParser.ModelAttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                static (context, cancellationToken) => ModelParser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.Parse);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, ReportDiagnostics);

        IncrementalValuesProvider<ModelSpec> models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Model);
        // A project that allows unsafe code lets generated cores skip zeroing their stack scratch ([SkipLocalsInit]).
        IncrementalValueProvider<bool> allowsUnsafe = context.CompilationProvider
            .Select(static (compilation, _) => compilation.Options is Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions { AllowUnsafe: true })
            .WithTrackingName(TrackingNames.AllowsUnsafe);
        context.RegisterSourceOutput(
            models.Combine(allowsUnsafe),
            static (output, pair) => output.AddSource(ModelEmitter.HintName(pair.Left), ModelEmitter.Emit(pair.Left, pair.Right)));

        foreach (var layerAttribute in ModelParser.LayerAttributeNames)
        {
            LayerKind kind = layerAttribute.Value;
            IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> orphans = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    layerAttribute.Key,
                    static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax,
                    (context, cancellationToken) => ModelParser.CheckLayersWithoutModel(context, kind, cancellationToken));
            context.RegisterSourceOutput(orphans, ReportDiagnostics);
        }
    }

    private static void ReportDiagnostics(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}

/// <summary>Names of pipeline steps, so tests can assert what was cached.</summary>
public static class TrackingNames
{
    /// <summary>Symbols → parse result.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>Parse result → diagnostics.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>Parse result → model spec (the input of emission).</summary>
    public const string Model = nameof(Model);

    /// <summary>Compilation → whether unsafe code is allowed.</summary>
    public const string AllowsUnsafe = nameof(AllowsUnsafe);
}
