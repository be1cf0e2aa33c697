using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>
/// One mistake, one error: a model refused by its layers, options, weights file or compiler still gets stand-ins for
/// its generated members (RefusedModelEmitter, BakedWeightsEmitter.EmitRefused), so the code that uses it adds no
/// "does not contain a definition" errors to the RNNG error that says what to fix.
/// </summary>
public sealed class RefusedModelTests
{
    // Every generated member a user's code may touch.
    private const string Uses = """

        static class Uses
        {
            static void All(float[] weights, byte[] file, float[] input, float[] output)
            {
                var model = WordModel.FromParameters(weights, WeightLayout.Keras);
                model = WordModel.FromSafetensors(file, WeightLayout.PyTorch);
                model = WordModel.Default;
                var state = model.NewState();
                state.Hidden(0)[0] = WordModel.InputSize + WordModel.OutputSize + WordModel.ParameterCount;
                state.Reset();
                model.Step(input, ref state, output);
                model.Run(input, ref state, new float[WordModel.OutputLength(3)]);
                var batch = new WordModel.BatchState(capacity: 4);
                batch.Write(1, in state);
                model.StepBatch(input, batch, output);
                model.ResetState(ref state);
                _ = model.VectorPath;
                _ = WordModel.ParameterLength(WeightLayout.Onnx) + WordModel.LayerShapes.Length + (WordModel.ReturnsSequences ? 1 : 0);
            }
        }
        """;

    [Theory]
    [InlineData("RNNG0006", "[RnnModel(inputSize: 5)]\n[Lstm(2)]\n[Gru(3)]")]
    [InlineData("RNNG0002", "[RnnModel(inputSize: 0)]\n[Lstm(2)]")]
    [InlineData("RNNG0003", "[RnnModel(inputSize: 5)]")]
    [InlineData("RNNG0007", "[RnnModel(inputSize: 5)]\n[Lstm(2, Activation = (Activation)42)]")]
    [InlineData("RNNG0022", "[RnnModel(inputSize: 5)]\n[Dense(2, Activation = Activation.LeakyRelu)]")]
    public void A_refused_declaration_is_the_only_error_however_the_model_is_used(string id, string attributes)
    {
        GeneratorRun run = GeneratorHarness.Run("using RnnGen;\n" + attributes + "\npartial class WordModel;\n" + Uses, warningsAsErrors: false);

        AssertOnlyError(run, id);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp11)]
    [InlineData(LanguageVersion.CSharp8)]
    public void A_language_version_below_12_is_the_only_error(LanguageVersion version)
    {
        // A block-bodied class (`partial class WordModel;` is C# 12); C# 8 is the harness's floor (nullable on).
        GeneratorRun run = GeneratorHarness.Run("using RnnGen;\n[RnnModel(inputSize: 5)]\n[Lstm(2)]\npartial class WordModel { }\n" + Uses, version, warningsAsErrors: false);

        AssertOnlyError(run, "RNNG0013");
    }

    [Fact]
    public void A_refused_weights_file_is_the_only_error_when_Default_is_used()
    {
        GeneratorRun run = GeneratorHarness.Run(
            "using RnnGen;\n[RnnModel(inputSize: 5, Weights = \"missing.safetensors\", Layout = WeightLayout.PyTorch)]\n[Lstm(2)]\npartial class WordModel;\n" + Uses,
            warningsAsErrors: false);

        AssertOnlyError(run, "RNNG0018");
    }

    [Fact]
    public void The_stand_ins_declare_every_public_member_a_generated_model_has()
    {
        const string Valid = "using RnnGen;\n[RnnModel(inputSize: 5)]\n[Lstm(2, ReturnSequences = true)]\n[Dense(3)]\npartial class WordModel;\n";
        const string Refused = "using RnnGen;\n[RnnModel(inputSize: 5)]\n[Lstm(2)]\n[Gru(3)]\npartial class WordModel;\n";

        string[] generated = PublicMembers(GeneratorHarness.Run(Valid).Output);
        string[] standIns = PublicMembers(GeneratorHarness.Run(Refused, warningsAsErrors: false).Output);

        Assert.True(generated.Length > 20, "the generated model's members were not found: " + string.Join(", ", generated));
        Assert.Empty(generated.Except(standIns));
    }

    private static void AssertOnlyError(GeneratorRun run, string id)
    {
        Assert.Null(run.Generator.Exception);
        Diagnostic[] errors = run.GeneratorDiagnostics.Concat(run.Output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 1 && errors[0].Id == id, $"expected {id} alone:\n{GeneratorHarness.Format(errors)}");
    }

    // Nullability aside: the stand-ins are nullable-oblivious (they compile down to C# 7.3).
    private static readonly SymbolDisplayFormat s_signature =
        SymbolDisplayFormat.MinimallyQualifiedFormat.RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    // Public members of WordModel and its nested types, as "Type.Member(parameter types)" (Default only with Weights).
    private static string[] PublicMembers(Compilation compilation)
    {
        INamedTypeSymbol model = compilation.GetTypeByMetadataName("WordModel")!;
        IEnumerable<INamedTypeSymbol> types = new[] { model }.Concat(model.GetTypeMembers().Where(t => t.DeclaredAccessibility == Accessibility.Public));
        return types
            .SelectMany(type => type.GetMembers()
                .Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared && m is not INamedTypeSymbol)
                .Select(m => type.Name + "." + m.ToDisplayString(s_signature)))
            .Distinct()
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
    }
}
