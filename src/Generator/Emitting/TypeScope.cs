using System;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting;

/// <summary>The namespace and containing types around a generated <c>partial</c> declaration of a model type.</summary>
internal static class TypeScope
{
    /// <summary>Writes <paramref name="body"/> inside <c>partial keyword name</c>, nested as the type is.</summary>
    public static void Write(SourceWriter writer, string? @namespace, EquatableArray<ContainingTypeSpec> containingTypes, string keyword, string name, Action body)
    {
        if (@namespace is not null)
        {
            writer.Open("namespace " + @namespace);
        }

        foreach (ContainingTypeSpec containing in containingTypes)
        {
            writer.Open("partial " + containing.Keyword + " " + containing.Name);
        }

        writer.Block("partial " + keyword + " " + name, body);

        for (int i = 0; i < containingTypes.Count; i++)
        {
            writer.Close();
        }

        if (@namespace is not null)
        {
            writer.Close();
        }
    }
}
