using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Ties RNNG0016's list of generated member names (the generator's Model/GeneratedMembers) to what the emitters
/// really declare: over models that use every emitter path (every layer kind, learned state, a baked Weights file),
/// each declared name is listed (or has the per-layer prefix), and each listed name is declared by one of them.
/// </summary>
public sealed class GeneratedMembersTests
{
    [Fact]
    public void ListMatchesTheMembersTheEmittersDeclare()
    {
        var declared = new SortedSet<string>(StringComparer.Ordinal);
        foreach (object?[] model in BaselineTests.Models)
        {
            declared.UnionWith(DeclaredMembers(GeneratorHarness.Run((string)model[1]!)));
        }

        const string Baked = """
            using RnnGen;

            [RnnModel(inputSize: 3, Weights = "models/tiny.safetensors", Layout = WeightLayout.PyTorch)]
            [Lstm(2)]
            partial class Tiny;
            """;
        AdditionalText file = WeightsFiles.Encoded("models/tiny.safetensors", WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2)));
        declared.UnionWith(DeclaredMembers(GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.ParseOptions(), ("Model.cs", Baked)), file)));

        // Per-layer types are covered by their prefix (RnnGenLayer<index>…), so RNNG0016 catches them for any index.
        Assert.Contains("RnnGenLayer0Sizes", declared);
        Assert.Contains("RnnGenLayer2Alpha", declared);
        declared.RemoveWhere(name => name.StartsWith("RnnGenLayer", StringComparison.Ordinal) && char.IsDigit(name["RnnGenLayer".Length]));

        var listed = new SortedSet<string>(ListedNames(), StringComparer.Ordinal);
        Assert.Equal(string.Join(", ", declared), string.Join(", ", listed));
    }

    private static IEnumerable<string> DeclaredMembers(GeneratorRun run)
    {
        Assert.Empty(run.GeneratorDiagnostics);
        SyntaxNode root = Assert.Single(run.Generator.GeneratedSources).SyntaxTree.GetRoot();

        // The model type is the innermost type that is not nested in another generated type's body.
        TypeDeclarationSyntax model = root.DescendantNodes().OfType<TypeDeclarationSyntax>()
            .Where(type => type.Modifiers.Any(m => m.Text == "partial"))
            .Last();
        foreach (MemberDeclarationSyntax member in model.Members)
        {
            switch (member)
            {
                case BaseTypeDeclarationSyntax type:
                    yield return type.Identifier.Text;
                    break;
                case MethodDeclarationSyntax method:
                    yield return method.Identifier.Text;
                    break;
                case PropertyDeclarationSyntax property:
                    yield return property.Identifier.Text;
                    break;
                case ConstructorDeclarationSyntax:
                    break;
                case BaseFieldDeclarationSyntax field:
                    foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
                    {
                        yield return variable.Identifier.Text;
                    }

                    break;
                default:
                    throw new InvalidOperationException("unexpected member kind: " + member.Kind());
            }
        }
    }

    private static string[] ListedNames()
    {
        Type members = typeof(RnnGenerator).Assembly.GetType("RnnGen.Generator.Model.GeneratedMembers", throwOnError: true)!;
        return (string[])members.GetField("Names", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }
}
