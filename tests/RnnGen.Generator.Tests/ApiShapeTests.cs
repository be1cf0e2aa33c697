using Microsoft.CodeAnalysis;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>Step and StepBatch (streaming) exist only when every recurrent layer runs forward; Run and State always exist.</summary>
public sealed class ApiShapeTests
{
    [Theory]
    [InlineData("[Lstm(2, ReturnSequences = true)] [Dense(3)]", true)]
    [InlineData("[Dense(4)] [Gru(3, ReturnSequences = true)] [SimpleRnn(2)]", true)]
    [InlineData("[Lstm(2, Direction = Direction.Forward, MergeMode = MergeMode.Concat)]", true)]
    [InlineData("[Gru(2, Direction = Direction.Bidirectional)] [Dense(3)]", false)]
    [InlineData("[SimpleRnn(2, Direction = Direction.Backward)]", false)]
    [InlineData("[Lstm(4, ReturnSequences = true)] [Lstm(2, Direction = Direction.Backward)]", false)]
    public void StepExistsOnlyWhenAllRecurrentLayersAreForward(string layers, bool expectStep)
    {
        GeneratorRun run = GeneratorHarness.Run("using RnnGen;\n[RnnModel(inputSize: 5)]\n" + layers + "\npartial class M { }");
        Assert.Single(run.Sources);
        Assert.Empty(run.NewErrors());

        INamedTypeSymbol model = run.Output.GetTypeByMetadataName("M")!;
        Assert.NotNull(model);
        Assert.Equal(expectStep, model.GetMembers("Step").OfType<IMethodSymbol>().Any());
        Assert.Equal(expectStep, model.GetMembers("StepBatch").OfType<IMethodSymbol>().Any());
        Assert.Equal(expectStep, model.GetTypeMembers("BatchState").Any());
        Assert.Single(model.GetMembers("Run").OfType<IMethodSymbol>());
        Assert.Single(model.GetTypeMembers("State"));
    }

    [Fact]
    public void CallingStepOnBidirectionalModelIsCompileError()
    {
        string source = """
            using System;
            using RnnGen;

            [RnnModel(inputSize: 5)]
            [Gru(2, Direction = Direction.Bidirectional)]
            partial class M { }

            static class Use
            {
                public static void Stream(M model, ReadOnlySpan<float> input, Span<float> output)
                {
                    M.State state = default;
                    model.Step(input, ref state, output);
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Single(run.Sources);
        Diagnostic error = Assert.Single(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS1061", error.Id);
        Assert.Contains("'Step'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void CallingStepOnForwardModelCompiles()
    {
        string source = """
            using System;
            using RnnGen;

            [RnnModel(inputSize: 5)]
            [Gru(2)]
            partial class M { }

            static class Use
            {
                public static void Stream(M model, ReadOnlySpan<float> input, Span<float> output)
                {
                    M.State state = default;
                    model.Step(input, ref state, output);
                }
            }
            """;
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Single(run.Sources);
        Assert.Empty(GeneratorHarness.Visible(run.Output.GetDiagnostics()));
    }
}
