using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnGen.Tests.Shared;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Generated source of representative models, compared with reviewed files in Baselines/.
/// Set RNNGEN_UPDATE_BASELINES=1 to rewrite them, then review the diff.
/// </summary>
public sealed class BaselineTests
{
    public static TheoryData<string, string> Models => new()
    {
        {
            "WordModel",
            """
            using RnnGen;

            /// <summary>Next-word scores from five features per step.</summary>
            [RnnModel(inputSize: 5)]
            [Lstm(2, ReturnSequences = true)]
            [Dense(3, Activation = Activation.Softmax)]
            public partial class WordModel;
            """
        },
        {
            "Demo.Audio.Outer.Tagger",
            """
            using RnnGen;

            namespace Demo.Audio
            {
                /// <summary>Holds the tagger.</summary>
                public partial class Outer
                {
                    /// <summary>Tags every frame, looking both ways.</summary>
                    [RnnModel(inputSize: 4)]
                    [Gru(8, Direction = Direction.Bidirectional, ReturnSequences = true)]
                    [Dense(2, Activation = Activation.Sigmoid)]
                    public partial class Tagger { }
                }
            }
            """
        },
        {
            "Demo.Stacked",
            """
            using RnnGen;

            namespace Demo;

            /// <summary>Two stacked LSTMs in a struct.</summary>
            [RnnModel(inputSize: 3)]
            [Lstm(16, ReturnSequences = true)]
            [Lstm(8, RecurrentActivation = Activation.HardSigmoid)]
            public partial struct Stacked;
            """
        },
        {
            "Reversed",
            """
            using RnnGen;

            /// <summary>A SimpleRNN reading the sequence backwards.</summary>
            [RnnModel(inputSize: 2)]
            [SimpleRnn(4, Direction = Direction.Backward, Activation = Activation.Relu, UseBias = false)]
            internal partial class Reversed { }
            """
        },
        {
            "Demo.AmpModel",
            """
            using RnnGen;

            namespace Demo;

            /// <summary>A NeuralAmpModeler-style LSTM that starts from its learned state, with an ELU head.</summary>
            [RnnModel(inputSize: 1)]
            [Lstm(6, ReturnSequences = true, LearnedInitialState = true)]
            [ActivationLayer(Activation.LeakyRelu, Alpha = 0.01f)]
            [Dense(1, Activation = Activation.Elu)]
            public partial class AmpModel;
            """
        },
        {
            "DenseStack",
            """
            using RnnGen;

            /// <summary>No recurrent layer: Dense layers and a softmax, on every step.</summary>
            [RnnModel(inputSize: 2)]
            [Dense(4, Activation = Activation.Tanh)]
            [Dense(4, UseBias = false)]
            [ActivationLayer(Activation.Softmax)]
            public partial class DenseStack;
            """
        },
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void GeneratedSourceMatchesBaseline(string fullName, string source)
    {
        GeneratorRun run = GeneratorHarness.Run(Compile(source));
        Assert.Null(run.Generator.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        GeneratedSourceResult generated = Assert.Single(run.Sources);
        Assert.Equal(fullName + ".g.cs", generated.HintName);

        string actual = generated.SourceText.ToString();
        string path = Path.Combine(BaselineDirectory(), fullName + ".g.cs.txt");
        if (Environment.GetEnvironmentVariable("RNNGEN_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), "No baseline " + path + ": run with RNNGEN_UPDATE_BASELINES=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void GeneratedSourceCompilesWithoutAnyDiagnostic(string fullName, string source)
    {
        GeneratorRun run = GeneratorHarness.Run(Compile(source));
        Assert.Single(run.Sources);
        Diagnostic[] diagnostics = GeneratorHarness.Visible(run.Output.GetDiagnostics());
        Assert.True(diagnostics.Length == 0, fullName + ":" + Environment.NewLine + GeneratorHarness.Format(diagnostics));
    }

    /// <summary>Guards the check above: in this configuration a missing doc comment is reported, as an error.</summary>
    [Fact]
    public void CompilationSettingsReportMissingDocComments()
    {
        CSharpCompilation compilation = Compile("public class Undocumented { public int Value; }");
        Diagnostic[] diagnostics = GeneratorHarness.Visible(compilation.GetDiagnostics());
        Assert.Contains(diagnostics, d => d.Id == "CS1591" && d.Severity == DiagnosticSeverity.Error);
    }

    private static CSharpCompilation Compile(string source) =>
        GeneratorHarness.Compile(GeneratorHarness.ParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose), ("Model.cs", source));

    // Not [CallerFilePath]: a CI build (CI=true → ContinuousIntegrationBuild) maps source paths to /_/.
    private static string BaselineDirectory() =>
        Path.Combine(RepositoryRoot.Path, "tests", "RnnGen.Generator.Tests", "Baselines");
}
