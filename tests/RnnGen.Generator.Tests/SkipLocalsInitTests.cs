using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>Generated cores skip zeroing their scratch exactly when the project allows unsafe code (SkipLocalsInit needs it).</summary>
public sealed class SkipLocalsInitTests
{
    private const string Model = """
        using RnnGen;
        [RnnModel(inputSize: 3)]
        [Lstm(4, ReturnSequences = true)]
        [Dense(2)]
        public partial class Tagger;
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void SkipLocalsInit_follows_AllowUnsafeBlocks(bool allowUnsafe)
    {
        CSharpCompilation input = GeneratorHarness.Compile(Model);
        input = input.WithOptions(input.Options.WithAllowUnsafe(allowUnsafe));
        GeneratorRun run = GeneratorHarness.Run(input);

        string generated = run.Result.GeneratedTrees.Single().ToString();
        int marked = generated.Split("[global::System.Runtime.CompilerServices.SkipLocalsInit]").Length - 1;
        Assert.Equal(allowUnsafe ? 3 : 0, marked); // StepCore, StepBatchCore and RunCore
        Assert.Empty(GeneratorHarness.Visible(run.Output.GetDiagnostics()));
    }
}
