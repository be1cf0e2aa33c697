using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Parsing;

/// <summary>Reads one layer attribute's arguments, reporting values that are not defined enum members.</summary>
internal static class LayerReader
{
    public static LayerSpec Read(LayerKind kind, AttributeData attribute, int index, Location? location, List<DiagnosticInfo> diagnostics)
    {
        int units = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int u ? u : 0;
        var layer = new LayerSpec(
            kind,
            units,
            kind == LayerKind.Dense ? Activation.Linear : Activation.Tanh,
            Activation.Sigmoid,
            UseBias: true,
            ReturnSequences: false,
            Direction.Forward,
            MergeMode.Concat,
            ResetAfter: true);

        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            object? value = named.Value.Value;
            layer = named.Key switch
            {
                "Activation" => layer with { Activation = Enum<Activation>(value, named.Key, index, location, diagnostics) },
                "RecurrentActivation" => layer with { RecurrentActivation = Enum<Activation>(value, named.Key, index, location, diagnostics) },
                "Direction" => layer with { Direction = Enum<Direction>(value, named.Key, index, location, diagnostics) },
                "MergeMode" => layer with { MergeMode = Enum<MergeMode>(value, named.Key, index, location, diagnostics) },
                "UseBias" => layer with { UseBias = value is true },
                "ReturnSequences" => layer with { ReturnSequences = value is true },
                "ResetAfter" => layer with { ResetAfter = value is true },
                _ => layer,
            };
        }

        if (units <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSize, location, "Units of layer " + index, layer.Describe(), units.ToString(CultureInfo.InvariantCulture)));
        }

        if (layer.Kind != LayerKind.Dense && layer.Direction != Direction.Bidirectional && HasNamed(attribute, "MergeMode"))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MergeModeIgnored, location, index.ToString(CultureInfo.InvariantCulture), layer.Describe(), layer.Direction.ToString()));
        }

        return layer;
    }

    private static T Enum<T>(object? value, string property, int index, Location? location, List<DiagnosticInfo> diagnostics)
        where T : struct, Enum
    {
        if (value is int number && System.Enum.IsDefined(typeof(T), number))
        {
            return (T)(object)number;
        }

        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.UndefinedEnumValue,
            location,
            property,
            Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
            index.ToString(CultureInfo.InvariantCulture),
            typeof(T).Name,
            string.Join(", ", System.Enum.GetNames(typeof(T)))));
        return default;
    }

    private static bool HasNamed(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == name)
            {
                return true;
            }
        }

        return false;
    }
}
