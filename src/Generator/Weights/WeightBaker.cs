using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Weights;

/// <summary>
/// Reads the safetensors file a model names in <c>Weights</c>, checks every tensor against the declared layers with the
/// same matching the runtime's FromSafetensors uses, and turns it into canonical weights for the emitter.
/// Every problem becomes a diagnostic on the [RnnModel] attribute; nothing here throws on user input.
/// </summary>
internal static class WeightBaker
{
    public static BakedModel Bake(ModelSpec model, EquatableArray<WeightsFileText> files, CancellationToken cancellationToken)
    {
        WeightsRequest? request = model.Weights;
        if (request is null)
        {
            return new BakedModel(model, null, EquatableArray<DiagnosticInfo>.Empty);
        }

        WeightsFileText[] candidates = files.Where(file => file.Matches(request.Path)).ToArray();
        if (candidates.Length != 1)
        {
            string problem = candidates.Length == 0
                ? $"is not among the project's AdditionalFiles{Listed(files)}: add <AdditionalFiles Include=\"{request.Path}\" /> (the RnnGen package then hands it to the generator; a project that references RnnGen's projects instead must also import src/Generator/RnnGen.Weights.targets)"
                : $"matches several AdditionalFiles ({string.Join(", ", candidates.Select(c => c.SourcePath))}): give more of its path";
            return Fail(model, DiagnosticDescriptors.WeightsFileNotFound, model.TypeName, request.Path, problem);
        }

        SafetensorsContent content;
        try
        {
            content = SafetensorsContent.Read(Decode(candidates[0]));
        }
        catch (FormatException e)
        {
            return Fail(model, DiagnosticDescriptors.WeightsFileUnreadable, model.TypeName, request.Path, e.Message);
        }

        cancellationToken.ThrowIfCancellationRequested();
        LayerShape[] layers = new ModelPlan(model).Layers.Select(layer => layer.Shape).ToArray();
        for (int i = 0; i < layers.Length; i++)
        {
            string? unsupported = FrameworkTensors.Unsupported(layers[i], request.Layout);
            if (unsupported is not null)
            {
                return Fail(model, DiagnosticDescriptors.WeightsMismatch, model.TypeName, request.Path, $"layer {i} {layers[i].Describe()} cannot be read from {request.Layout} weights: {unsupported}");
            }
        }

        List<string> names;
        try
        {
            names = TensorMatching.FlatOrder(content.Shapes, request.Layout, layers, $"{request.Layout} names", string.Empty);
        }
        catch (ArgumentException e)
        {
            return Fail(model, DiagnosticDescriptors.WeightsMismatch, model.TypeName, request.Path, WithoutParameterName(e));
        }

        var flat = new List<float>();
        foreach (string name in names)
        {
            int start = flat.Count;
            content.AppendValues(name, flat);
            int bad = flat.FindIndex(start, value => float.IsNaN(value) || float.IsInfinity(value));
            if (bad >= 0)
            {
                return Fail(model, DiagnosticDescriptors.WeightsFileUnreadable, model.TypeName, request.Path, $"tensor '{name}' holds {NonFinite(flat[bad])} at element {bad - start}; a trained model's weights are finite");
            }
        }

        float[] canonical = CanonicalWeights.FromFramework(flat.ToArray(), request.Layout, layers);
        var weights = new BakedWeights(FileName(request.Path), request.Layout, names.Count, canonical.ToEquatableArray());
        return new BakedModel(model, weights, EquatableArray<DiagnosticInfo>.Empty);
    }

    // The weights files the project does list, so a misspelt path is seen at once.
    private static string Listed(EquatableArray<WeightsFileText> files) =>
        files.Count == 0 ? string.Empty : " (it lists " + string.Join(", ", files.Select(f => f.SourcePath).Take(5)) + (files.Count > 5 ? ", …" : string.Empty) + ")";

    // Spelled the same whatever the culture the compiler runs in (the current culture's "∞" or "NaN" would vary).
    private static string NonFinite(float value) => float.IsNaN(value) ? "NaN" : value > 0 ? "+Infinity" : "-Infinity";

    private static BakedModel Fail(ModelSpec model, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] arguments) =>
        new(model, null, new[] { DiagnosticInfo.Create(descriptor, model.Weights!.Location, arguments) }.ToEquatableArray());

    private static byte[] Decode(WeightsFileText file)
    {
        try
        {
            return Convert.FromBase64String(file.Base64);
        }
        catch (FormatException)
        {
            throw new FormatException($"its encoded copy is not the base64 text RnnGen.Weights.targets writes; import that file in the project rather than listing encoded copies by hand");
        }
    }

    /// <summary>ArgumentException appends " (Parameter 'file')" to messages on .NET Core; a diagnostic reads better without it.</summary>
    private static string WithoutParameterName(ArgumentException e)
    {
        string message = e.Message;
        int at = e.ParamName is null ? -1 : message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return (at < 0 ? message : message.Substring(0, at)).TrimEnd('.');
    }

    private static string FileName(string path)
    {
        int at = path.Replace('\\', '/').LastIndexOf('/');
        return at < 0 ? path : path.Substring(at + 1);
    }
}
