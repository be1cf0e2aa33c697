using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>
/// The pipeline model must be plain data: a symbol, syntax node, location or compilation in it breaks caching
/// (they never compare equal across runs) and keeps whole compilations alive.
/// </summary>
public sealed class ModelPurityTests
{
    private static readonly Type[] s_forbidden = { typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxToken), typeof(AttributeData) };

    public static TheoryData<string> ModelTypes => new()
    {
        "RnnGen.Generator.Model.ModelSpec",
        "RnnGen.Generator.Model.LayerSpec",
        "RnnGen.Generator.Model.ContainingTypeSpec",
        "RnnGen.Generator.Model.DiagnosticInfo",
        "RnnGen.Generator.Model.ParseResult",
        "RnnGen.Generator.Model.RefusedModel",
        "RnnGen.Generator.Model.WeightsRequest",
        "RnnGen.Generator.Weights.BakedModel",
        "RnnGen.Generator.Weights.BakedWeights",
        "RnnGen.Generator.Weights.WeightsFileText",
    };

    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void ModelHoldsNoRoslynObjects(string typeName)
    {
        Type? type = typeof(RnnGenerator).Assembly.GetType(typeName);
        Assert.NotNull(type);
        List<string> problems = FindForbidden(type);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void WalkerFindsSymbolsHiddenInGenericsAndArrays()
    {
        List<string> problems = FindForbidden(typeof(Impure));
        Assert.Equal(3, problems.Count);
    }

    private static List<string> FindForbidden(Type root)
    {
        var problems = new List<string>();
        var seen = new HashSet<Type>();
        Walk(root, root.Name, seen, problems);
        return problems;
    }

    /// <summary>Visits the type, its generic arguments and array elements, and (for our own types) every instance field.</summary>
    private static void Walk(Type type, string path, HashSet<Type> seen, List<string> problems)
    {
        if (!seen.Add(type))
        {
            return;
        }

        if (s_forbidden.Any(forbidden => forbidden.IsAssignableFrom(type)))
        {
            problems.Add(path + " is " + type.FullName);
            return;
        }

        if (type.HasElementType)
        {
            Walk(type.GetElementType()!, path + "[]", seen, problems);
        }

        foreach (Type argument in type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes)
        {
            Walk(argument, path + "<" + argument.Name + ">", seen, problems);
        }

        if (type.Assembly == typeof(RnnGenerator).Assembly || type.Assembly == typeof(ModelPurityTests).Assembly)
        {
            // Fields cover auto-properties (their backing fields); computed properties hold nothing.
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Walk(field.FieldType, path + "." + field.Name, seen, problems);
            }
        }
    }

    private sealed record Impure(Location Location, System.Collections.Immutable.ImmutableArray<INamedTypeSymbol> Symbols, SyntaxNode[] Nodes, int Fine);
}
