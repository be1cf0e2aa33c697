using Microsoft.CodeAnalysis;
using RnnGen.Generator.Emitting;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;
using RnnGen.Generator.Parsing;
using RnnGen.Generator.Weights;

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

        IncrementalValuesProvider<RefusedModel> refused = parsed
            .Where(static result => result.Refused is not null)
            .Select(static (result, _) => result.Refused!)
            .WithTrackingName(TrackingNames.Refused);
        context.RegisterSourceOutput(refused, static (output, model) => output.AddSource(RefusedModelEmitter.HintName(model), RefusedModelEmitter.Emit(model)));

        IncrementalValuesProvider<ModelSpec> models = parsed
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Model);
        // A project that allows unsafe code lets generated cores skip zeroing their stack scratch ([SkipLocalsInit]).
        IncrementalValueProvider<bool> allowsUnsafe = context.CompilationProvider
            .Select(static (compilation, _) => compilation.Options is Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions { AllowUnsafe: true })
            .WithTrackingName(TrackingNames.AllowsUnsafe);

        // Weights files named by [RnnModel(Weights = ...)], as the base64 text RnnGen.Weights.targets writes.
        IncrementalValueProvider<EquatableArray<WeightsFileText>> weightsFiles = context.AdditionalTextsProvider
            .Where(static text => WeightsFileText.IsWeightsFile(text))
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => WeightsFileText.Read(pair.Left, pair.Right.GetOptions(pair.Left), cancellationToken))
            .Collect()
            .Select(static (files, _) => files.ToEquatableArray())
            .WithTrackingName(TrackingNames.WeightsFiles);
        IncrementalValuesProvider<BakedModel> baked = models
            .Combine(weightsFiles)
            .Select(static (pair, cancellationToken) => WeightBaker.Bake(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Bake);
        context.RegisterSourceOutput(baked.Select(static (model, _) => model.Diagnostics), ReportDiagnostics);

        context.RegisterSourceOutput(
            baked.Select(static (model, _) => (model.Model, model.Weights)).Combine(allowsUnsafe),
            static (output, pair) => output.AddSource(ModelEmitter.HintName(pair.Left.Model), ModelEmitter.Emit(pair.Left.Model, pair.Right, pair.Left.Weights)));

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

    /// <summary>Parse result → a refused model's stand-ins (RefusedModelEmitter).</summary>
    public const string Refused = nameof(Refused);

    /// <summary>AdditionalFiles → the weights files (base64 safetensors) models may name.</summary>
    public const string WeightsFiles = nameof(WeightsFiles);

    /// <summary>Model spec + weights files → checked canonical weights (or diagnostics).</summary>
    public const string Bake = nameof(Bake);

    /// <summary>Compilation → whether unsafe code is allowed.</summary>
    public const string AllowsUnsafe = nameof(AllowsUnsafe);
}
