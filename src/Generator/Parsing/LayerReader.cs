using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Parsing;

/// <summary>Reads one layer attribute's arguments, reporting values that are not defined enum members and unusable α values.</summary>
internal static class LayerReader
{
    /// <summary>
    /// The layer as declared. A standalone activation's width is its input's, which only the model knows: it comes back
    /// with 0 units, for the parser to fill in.
    /// </summary>
    public static LayerSpec Read(LayerKind kind, AttributeData attribute, int index, Location? location, List<DiagnosticInfo> diagnostics)
    {
        object? argument = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value : null;
        int units = kind != LayerKind.Activation && argument is int u ? u : 0;
        Activation activation = kind switch
        {
            LayerKind.Activation => Enum<Activation>(argument, "Activation", index, location, diagnostics),
            LayerKind.Dense => LayerDefaults.Dense,
            _ => LayerDefaults.RecurrentOutput,
        };
        var layer = new LayerSpec(
            kind,
            units,
            activation,
            LayerDefaults.Gates,
            LayerDefaults.UseBias,
            LayerDefaults.ReturnSequences,
            LayerDefaults.LayerDirection,
            LayerDefaults.Merge,
            LayerDefaults.ResetAfter,
            LearnedInitialState: LayerDefaults.LearnedInitialState);

        float? alpha = null;
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
                "LearnedInitialState" => layer with { LearnedInitialState = value is true },
                _ => layer,
            };
            if (named.Key == "Alpha" && value is float declared && !float.IsNaN(declared))
            {
                alpha = declared;
            }
        }

        if (kind != LayerKind.Activation && units <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSize, location, "Units of layer " + Text(index), layer.Describe(), Text(units)));
        }

        if (layer.IsRecurrent && layer.Direction != Direction.Bidirectional && HasNamed(attribute, "MergeMode"))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MergeModeIgnored, location, Text(index), layer.Describe(), layer.Direction.ToString()));
        }

        return layer with { Alpha = ResolveAlpha(layer, alpha, index, location, diagnostics) };
    }

    /// <summary>The α the layer's ELU / Leaky ReLU uses: declared, or the activation's default; null when none uses one.</summary>
    private static float? ResolveAlpha(LayerSpec layer, float? declared, int index, Location? location, List<DiagnosticInfo> diagnostics)
    {
        var users = new List<Activation>();
        if (ActivationAlpha.Uses(layer.Activation))
        {
            users.Add(layer.Activation);
        }

        if (layer.Kind is LayerKind.Lstm or LayerKind.Gru && ActivationAlpha.Uses(layer.RecurrentActivation) && !users.Contains(layer.RecurrentActivation))
        {
            users.Add(layer.RecurrentActivation);
        }

        if (declared is { } value && (float.IsInfinity(value) || value < 0))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AlphaInvalid, location, Text(index), layer.Describe(), $"Alpha = {value.ToString("R", CultureInfo.InvariantCulture)} is not a usable α: give a finite value ≥ 0 (Keras LeakyReLU 0.3, PyTorch 0.01, ELU 1)"));
            return null;
        }

        if (users.Count == 0)
        {
            if (declared is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AlphaIgnored, location, Text(index), layer.Describe(), layer.Activation.ToString()));
            }

            return null;
        }

        // An activation whose frameworks disagree on its α (Leaky ReLU) has no default: the declaration must say it.
        if (declared is null && users.Exists(user => ActivationAlpha.Default(user) is null))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AlphaInvalid, location, Text(index), layer.Describe(), "LeakyRelu has no default α (Keras 2 uses 0.3, Keras 3's layer 0.3 and its function 0.2, PyTorch 0.01): set Alpha to the slope the model was trained with, e.g. Alpha = 0.01f"));
            return null;
        }

        return declared ?? ActivationAlpha.Default(users[0]);
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
            Text(index),
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

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
