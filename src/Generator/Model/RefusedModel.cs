using RnnGen.Generator.Infrastructure;

namespace RnnGen.Generator.Model;

/// <summary>
/// A model type whose declaration was refused with <paramref name="ErrorId"/> although the type itself could take
/// generated members: where to declare the throwing stand-ins that keep the compiler's error list to that one error.
/// </summary>
internal sealed record RefusedModel(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string TypeName,
    string TypeKeyword,
    string ErrorId)
{
    /// <summary>Namespace-qualified name, containing types included (as <see cref="ModelSpec.FullName"/>).</summary>
    public string FullName => ModelSpec.FullNameOf(Namespace, ContainingTypes, TypeName);
}
