using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Parsing;

/// <summary>Checks that the declared layers form a model RnnGen can generate.</summary>
internal static class ModelValidator
{
    /// <summary>Largest packed weight array: an array of floats can hold a little under 2^31 elements.</summary>
    private const long MaxWeights = 0x7FFFFFC7;

    public static void Validate(string name, int inputSize, IReadOnlyList<LayerSpec> layers, IReadOnlyList<Location?> locations, Location typeLocation, List<DiagnosticInfo> diagnostics)
    {
        if (layers.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoLayers, typeLocation, name));
            return;
        }

        bool anyWeights = false;
        bool sequence = true;
        int lastRecurrent = -1;
        for (int i = 0; i < layers.Count; i++)
        {
            LayerSpec layer = layers[i];
            anyWeights |= LayerKinds.HasWeights(layer.Kind);
            if (!layer.IsRecurrent)
            {
                continue;
            }

            if (layer.Activation == Activation.Softmax)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SoftmaxOnRecurrent, locations[i], Text(i), layer.Describe(), "Activation"));
            }

            if (layer.Kind != LayerKind.SimpleRnn && layer.RecurrentActivation == Activation.Softmax)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SoftmaxOnRecurrent, locations[i], Text(i), layer.Describe(), "RecurrentActivation"));
            }

            if (!sequence)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SequenceExpected, locations[i], Text(i), layer.Describe(), Text(lastRecurrent), layers[lastRecurrent].Describe()));
            }

            sequence = layer.ReturnSequences;
            lastRecurrent = i;
        }

        if (!anyWeights)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoWeightedLayer, typeLocation, name));
        }

        CheckSizes(name, inputSize, layers, typeLocation, diagnostics);
    }

    private static void CheckSizes(string name, int inputSize, IReadOnlyList<LayerSpec> layers, Location typeLocation, List<DiagnosticInfo> diagnostics)
    {
        if (inputSize <= 0)
        {
            return;
        }

        string? problem = null;
        long weights = 0;
        long state = 0;
        int width = inputSize;
        if (inputSize > ModelLimits.MaxWidth)
        {
            problem = "InputSize " + Text(inputSize) + " exceeds " + Text(ModelLimits.MaxWidth) + "; reduce the input features (for example with a Dense layer before the model)";
        }

        for (int i = 0; i < layers.Count && problem is null; i++)
        {
            LayerSpec layer = layers[i];
            if (layer.Units <= 0)
            {
                return;
            }

            if (layer.Units > ModelLimits.MaxWidth)
            {
                problem = "layer " + Text(i) + " has " + Text(layer.Units) + " units, more than " + Text(ModelLimits.MaxWidth) + "; use fewer units or split the model";
                break;
            }

            weights += CanonicalLayout.LayerLength(layer.Shape(width));
            state += (long)layer.Directions * layer.StatePerDirection;
            width = layer.OutputWidth;
        }

        if (problem is null && weights > MaxWeights)
        {
            problem = Text(weights) + " weights do not fit one .NET array (at most " + Text(MaxWeights) + "); use fewer units or split the model";
        }

        if (problem is null && state > ModelLimits.MaxStateFloats)
        {
            problem = "its recurrent state is " + Text(state) + " floats; the State struct lives on the caller's stack and may hold at most " + Text(ModelLimits.MaxStateFloats) + "; use fewer units or split the model";
        }

        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ModelTooLarge, typeLocation, name, problem));
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
