using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Weights;

/// <summary>
/// A model after its weights file was read: the canonical weights to bake in (empty when the model names no file or
/// the file was refused) and the diagnostics about the file.
/// </summary>
internal sealed record BakedModel(ModelSpec Model, BakedWeights? Weights, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Weights checked against the declared layers, in <see cref="CanonicalLayout"/> order, and where they came from.</summary>
internal sealed record BakedWeights(string FileName, WeightLayout Layout, int TensorCount, EquatableArray<float> Canonical);
