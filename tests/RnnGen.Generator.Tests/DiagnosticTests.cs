using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>
/// One test per RNNG id: a minimal declaration that triggers it, checking id, severity, where it points
/// (by the exact source text under the squiggle and its line) and the advice in the message.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Usings = "using RnnGen;\n";

    [Fact]
    public void RNNG0001_TypeNotPartial()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(2)]
            public class WordModel { }
            """;
        AssertError(source, "RNNG0001", "WordModel", line: 3, "declare it as 'partial class WordModel'");
    }

    [Fact]
    public void RNNG0002_InputSizeNotPositive()
    {
        string source = Usings + """
            [RnnModel(inputSize: 0)]
            [Lstm(2)]
            partial class WordModel { }
            """;
        Diagnostic diagnostic = AssertError(source, "RNNG0002", "RnnModel(inputSize: 0)", line: 1, "InputSize of 'WordModel' is 0", "must be a positive number");
        Assert.Contains("[RnnModel(inputSize: 8)]", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void RNNG0002_MissingInputSize()
    {
        string source = Usings + """
            [RnnModel]
            [Lstm(2)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0002", "RnnModel", line: 1, "InputSize of 'WordModel' is 0");
    }

    [Fact]
    public void RNNG0002_UnitsNotPositive()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(2, ReturnSequences = true)]
            [Dense(-3)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0002", "Dense(-3)", line: 3, "Units of layer 1", "is -3", "must be a positive number");
    }

    [Fact]
    public void RNNG0003_NoLayers()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0003", "WordModel", line: 2, "declares no layers", "add layer attributes after [RnnModel]");
    }

    [Fact]
    public void RNNG0004_LayersOnTwoDeclarations()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(2)]
            partial class WordModel { }

            [Dense(3)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0004", "WordModel", line: 3, "more than one partial declaration", "put [RnnModel] and all layer attributes on one declaration");
    }

    [Fact]
    public void RNNG0005_SoftmaxActivationOnLstm()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(2, Activation = Activation.Softmax)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0005", "Lstm(2, Activation = Activation.Softmax)", line: 2, "Layer 0 (Lstm(2)) uses Softmax as its Activation", "add [Dense(n, Activation = Activation.Softmax)]");
    }

    [Fact]
    public void RNNG0005_SoftmaxRecurrentActivationOnGru()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Gru(4, RecurrentActivation = Activation.Softmax)]
            [Dense(3)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0005", "Gru(4, RecurrentActivation = Activation.Softmax)", line: 2, "uses Softmax as its RecurrentActivation", "use Tanh or Sigmoid here");
    }

    [Fact]
    public void RNNG0006_RecurrentAfterLastStepOnly()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(2)]
            [Gru(3)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0006", "Gru(3)", line: 3, "Layer 1 (Gru(3)) needs a sequence, but layer 0 (Lstm(2))", "set ReturnSequences = true on layer 0");
    }

    [Fact]
    public void RNNG0006_RecurrentAfterDenseAfterLastStepOnly()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [SimpleRnn(4, ReturnSequences = true)]
            [Lstm(2)]
            [Dense(6)]
            [Gru(3)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0006", "Gru(3)", line: 5, "Layer 3 (Gru(3)) needs a sequence, but layer 1 (Lstm(2))", "set ReturnSequences = true on layer 1");
    }

    [Fact]
    public void RNNG0007_UndefinedEnumValue()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(2, Activation = (Activation)42)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0007", "Lstm(2, Activation = (Activation)42)", line: 2, "Activation = 42 on layer 0 is not a defined Activation value", "use one of Linear, Tanh, Sigmoid");
    }

    [Fact]
    public void RNNG0008_MergeModeWithoutBidirectional_WarnsAndStillGenerates()
    {
        string source = Usings + """
            /// <summary>A model.</summary>
            [RnnModel(inputSize: 5)]
            [Lstm(2, MergeMode = MergeMode.Sum, Direction = Direction.Backward)]
            public partial class WordModel { }
            """;
        // Severity as a user sees it: without <TreatWarningsAsErrors>, which would raise it to an error.
        GeneratorRun run = GeneratorHarness.Run(source, warningsAsErrors: false);
        Diagnostic diagnostic = AssertSingle(run, "RNNG0008", DiagnosticSeverity.Warning, "Lstm(2, MergeMode = MergeMode.Sum, Direction = Direction.Backward)", line: 3, "has no effect because its Direction is Backward", "set Direction = Direction.Bidirectional");
        Assert.NotNull(diagnostic);
        Assert.Single(run.Sources);
        Assert.Empty(GeneratorHarness.Visible(run.Output.GetDiagnostics()));
    }

    [Fact]
    public void RNNG0009_OnlyActivationLayers()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [ActivationLayer(Activation.Relu)]
            [ActivationLayer(Activation.Softmax)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0009", "WordModel", line: 4, "has only activation layers, which hold no weights", "declare the Dense or recurrent layers the model was trained with");
    }

    [Fact]
    public void A_model_of_Dense_and_activation_layers_only_is_valid()
    {
        string source = Usings + """
            /// <summary>A model.</summary>
            [RnnModel(inputSize: 1)]
            [Dense(8, Activation = Activation.Tanh)]
            [Dense(8, UseBias = false)]
            [ActivationLayer(Activation.Elu)]
            [Dense(3, Activation = Activation.Softmax)]
            public partial class Stack { }
            """;
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Sources);
        Assert.Empty(run.NewErrors());
    }

    [Fact]
    public void RNNG0022_LeakyReluWithoutAlpha()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(4, ReturnSequences = true)]
            [Dense(3, Activation = Activation.LeakyRelu)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0022", "Dense(3, Activation = Activation.LeakyRelu)", line: 3, "LeakyRelu has no default α", "PyTorch 0.01", "set Alpha");
    }

    [Fact]
    public void RNNG0022_NegativeAlpha()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(4, ReturnSequences = true)]
            [ActivationLayer(Activation.Elu, Alpha = -1f)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0022", "ActivationLayer(Activation.Elu, Alpha = -1f)", line: 3, "Alpha = -1 is not a usable α", "finite value ≥ 0");
    }

    [Fact]
    public void RNNG0023_AlphaWithoutAnActivationThatUsesIt_WarnsAndStillGenerates()
    {
        string source = Usings + """
            /// <summary>A model.</summary>
            [RnnModel(inputSize: 5)]
            [Lstm(2, Alpha = 0.3f)]
            public partial class WordModel { }
            """;
        GeneratorRun run = GeneratorHarness.Run(source, warningsAsErrors: false);
        AssertSingle(run, "RNNG0023", DiagnosticSeverity.Warning, "Lstm(2, Alpha = 0.3f)", line: 3, "has no effect", "only Elu and LeakyRelu take an α", "activation is Tanh");
        Assert.Single(run.Sources);
        Assert.Empty(GeneratorHarness.Visible(run.Output.GetDiagnostics()));
    }

    [Fact]
    public void RNNG0010_GenericType()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(2)]
            partial class WordModel<T> { }
            """;
        AssertError(source, "RNNG0010", "WordModel", line: 3, "is generic or nested in a generic type", "declare the model on a non-generic type");
    }

    [Fact]
    public void RNNG0010_NestedInGenericType()
    {
        string source = Usings + """
            partial class Outer<T>
            {
                [RnnModel(inputSize: 5)]
                [Lstm(2)]
                partial class WordModel { }
            }
            """;
        AssertError(source, "RNNG0010", "WordModel", line: 5, "is generic or nested in a generic type");
    }

    [Fact]
    public void RNNG0011_ContainingTypeNotPartial()
    {
        string source = Usings + """
            namespace Demo
            {
                public struct Outer
                {
                    [RnnModel(inputSize: 5)]
                    [Lstm(2)]
                    partial class WordModel { }
                }
            }
            """;
        AssertError(source, "RNNG0011", "Outer", line: 3, "'Outer' contains the model 'WordModel'", "declare it as 'partial struct Outer'");
    }

    [Theory]
    [InlineData("record struct", "'partial record struct Outer'")]
    [InlineData("record", "'partial record Outer'")]
    public void RNNG0011_ContainingRecordNotPartial(string keyword, string advice)
    {
        string source = Usings + "public " + keyword + " Outer\n{\n    [RnnModel(inputSize: 5)]\n    [Lstm(2)]\n    partial class WordModel { }\n}\n";
        AssertError(source, "RNNG0011", "Outer", line: 1, "declare it as " + advice);
    }

    [Fact]
    public void RNNG0012_TooManyUnits()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(100000)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0012", "WordModel", line: 3, "'WordModel' is too large", "layer 0 has 100000 units, more than 65536", "use fewer units or split the model");
    }

    [Fact]
    public void RNNG0012_HugeBidirectionalStack()
    {
        string layers = string.Concat(Enumerable.Repeat("[Lstm(8000, ReturnSequences = true, Direction = Direction.Bidirectional)]\n", 5));
        string source = Usings + "[RnnModel(inputSize: 5)]\n" + layers + "partial class WordModel { }";
        AssertError(source, "RNNG0012", "WordModel", line: 7, "'WordModel' is too large", "use fewer units or split the model");
    }

    [Fact]
    public void RNNG0012_StateLargerThanStackLimit()
    {
        // 33 × Lstm(1000): only 264M weights, but 66,000 floats of h and c.
        string layers = string.Concat(Enumerable.Repeat("[Lstm(1000, ReturnSequences = true)]\n", 33));
        string source = Usings + "[RnnModel(inputSize: 5)]\n" + layers + "partial class WordModel { }";
        AssertError(source, "RNNG0012", "WordModel", line: 35, "recurrent state is 66000 floats", "at most 65536");
    }

    [Fact]
    public void RNNG0013_LanguageVersion11()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(2)]
            partial class WordModel { }
            """;
        GeneratorRun run = GeneratorHarness.Run(source, LanguageVersion.CSharp11);
        AssertSingle(run, "RNNG0013", DiagnosticSeverity.Error, "WordModel", line: 3, "need C# 12 or later", "<LangVersion>12</LangVersion>");
        AssertStandInsOnly(run);
    }

    [Fact]
    public void RNNG0014_StaticClass()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(2)]
            static partial class WordModel { }
            """;
        AssertError(source, "RNNG0014", "WordModel", line: 3, "is static", "declare it as a plain 'partial class' or 'partial struct'");
    }

    [Fact]
    public void RNNG0014_RefStruct()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Dense(2)]
            ref partial struct WordModel { }
            """;
        AssertError(source, "RNNG0014", "WordModel", line: 3, "is a ref struct", "declare it as a plain 'partial class' or 'partial struct'");
    }

    [Fact]
    public void RNNG0014_PrimaryConstructor()
    {
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(2)]
            partial class WordModel(int seed) { public int Seed => seed; }
            """;
        AssertError(source, "RNNG0014", "WordModel", line: 3, "has a primary constructor", "declare it as a plain 'partial class' or 'partial struct'");
    }

    [Fact]
    public void RNNG0014_AbstractClass()
    {
        // Found by the property test: the generated FromParameters did 'new(...)' of the abstract type (CS0144).
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(2)]
            abstract partial class WordModel { }
            """;
        AssertError(source, "RNNG0014", "WordModel", line: 3, "is abstract", "declare it as a plain 'partial class' or 'partial struct'");
    }

    [Fact]
    public void ModelOnInterface_LeftToTheCompiler()
    {
        // Found by the property test: members were generated into the interface (CS0525, CS0526, CS0144).
        string source = Usings + """
            [RnnModel(inputSize: 5)]
            [Lstm(2)]
            partial interface IWordModel { }
            """;
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Null(run.Generator.Exception);
        Assert.Empty(run.Sources);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == "CS0592");
    }

    [Fact]
    public void RNNG0015_LayersWithoutModel_ReportedOnce()
    {
        string source = Usings + """
            [Lstm(2, ReturnSequences = true)]
            [Gru(2, ReturnSequences = true)]
            [SimpleRnn(2)]
            [Dense(3)]
            partial class WordModel { }
            """;
        AssertError(source, "RNNG0015", "WordModel", line: 5, "has layer attributes but no [RnnModel]", "add [RnnModel(inputSize: N)] before the layers");
    }

    [Theory]
    [InlineData("State")]
    [InlineData("Run")]
    [InlineData("Step")]
    [InlineData("InputSize")]
    [InlineData("RnnGenLayer0Sizes")]
    public void RNNG0016_TypeNamedLikeGeneratedMember(string name)
    {
        // Found while probing: a model named State or Run got uncompilable generated code (CS0542, CS1729).
        string source = Usings + "[RnnModel(inputSize: 5)]\n[Lstm(2)]\npartial struct " + name + " { }";
        AssertError(source, "RNNG0016", name, line: 3, "'" + name + "' has the name of a member RnnGen generates", "rename the type", "FromParameters, FromSafetensors, OutputLength");
    }

    [Fact]
    public void ValidModel_HasNoDiagnostics()
    {
        string source = Usings + """
            /// <summary>A model.</summary>
            [RnnModel(inputSize: 5)]
            [Lstm(2, ReturnSequences = true)]
            [Dense(3, Activation = Activation.Softmax)]
            public partial class WordModel;
            """;
        GeneratorRun run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.Sources);
    }

    /// <summary>Asserts exactly one RnnGen error with this id, where and what it says, and that nothing was generated.</summary>
    [Fact]
    public void RNNG0021_SkipWiderThanTheOutput()
    {
        string source = Usings + """
            [RnnModel(inputSize: 2, Skip = 2)]
            [Lstm(20, ReturnSequences = true)]
            [Dense(1)]
            partial class AmpModel { }
            """;
        AssertError(source, "RNNG0021", "RnnModel(inputSize: 2, Skip = 2)", line: 1, "Skip = 2 cannot work", "at most min(InputSize 2, OutputSize 1)");
    }

    [Fact]
    public void RNNG0021_SkipOnABidirectionalModel()
    {
        string source = Usings + """
            [RnnModel(inputSize: 2, Skip = 1)]
            [Lstm(4, ReturnSequences = true, Direction = Direction.Bidirectional)]
            partial class AmpModel { }
            """;
        AssertError(source, "RNNG0021", "RnnModel(inputSize: 2, Skip = 1)", line: 1, "needs every recurrent layer to be Forward");
    }

    private static Diagnostic AssertError(string source, string id, string underlined, int line, params string[] advice)
    {
        GeneratorRun run = GeneratorHarness.Run(source);
        Diagnostic diagnostic = AssertSingle(run, id, DiagnosticSeverity.Error, underlined, line, advice);
        AssertStandInsOnly(run);
        return diagnostic;
    }

    /// <summary>
    /// A refused model gets nothing (when its type cannot take members) or only the stand-ins of RefusedModelEmitter,
    /// which must compile cleanly with warnings as errors (RefusedModelTests covers what they stand in for).
    /// </summary>
    internal static void AssertStandInsOnly(GeneratorRun run)
    {
        if (run.Sources.Length > 0)
        {
            string source = Assert.Single(run.Sources).SourceText.ToString();
            Assert.Contains("these members only stand in for the generated ones", source, StringComparison.Ordinal);
        }

        Assert.Empty(run.NewErrors());
    }

    private static Diagnostic AssertSingle(GeneratorRun run, string id, DiagnosticSeverity severity, string underlined, int line, params string[] advice)
    {
        Assert.Null(run.Generator.Exception);
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.DefaultSeverity);
        Assert.Equal(severity, diagnostic.Severity);

        // The user's code must compile on its own: the diagnostic is RnnGen's, not a side effect of a compiler error.
        Assert.Empty(run.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        SyntaxTree tree = run.Input.SyntaxTrees.Single();
        Assert.True(diagnostic.Location.IsInSource || diagnostic.Location.Kind == LocationKind.ExternalFile, "diagnostic has no location: " + diagnostic);
        Assert.Equal(tree.FilePath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(underlined, tree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);

        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        foreach (string text in advice)
        {
            Assert.Contains(text, message, StringComparison.Ordinal);
        }

        return diagnostic;
    }
}
