using RnnGen.Generator.Infrastructure;

namespace RnnGen.Generator.Model;

/// <summary>Everything the emitter needs about one model: plain, equatable data (no symbols or syntax).</summary>
internal sealed record ModelSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string TypeName,
    string TypeKeyword,
    bool IsValueType,
    int InputSize,
    EquatableArray<LayerSpec> Layers,
    WeightsRequest? Weights = null,
    int Skip = 0)
{
    /// <summary>Namespace-qualified name, containing types included, e.g. <c>Demo.Outer.Model</c>.</summary>
    public string FullName => FullNameOf(Namespace, ContainingTypes, TypeName);

    /// <summary>The one rule for a generated file's type name (models and refused models alike).</summary>
    public static string FullNameOf(string? @namespace, EquatableArray<ContainingTypeSpec> containingTypes, string typeName)
    {
        string prefix = @namespace is null ? string.Empty : @namespace + ".";
        foreach (ContainingTypeSpec containing in containingTypes)
        {
            prefix += containing.Name + ".";
        }

        return prefix + typeName;
    }
}

/// <summary>A type the model is nested in, outermost first.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);
