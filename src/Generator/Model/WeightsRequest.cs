namespace RnnGen.Generator.Model;

/// <summary>
/// <c>[RnnModel(Weights = "…", Layout = …)]</c>: the safetensors file to bake in at build time, whose names it uses,
/// and where the attribute is (for diagnostics about the file).
/// </summary>
internal sealed record WeightsRequest(string Path, WeightLayout Layout, LocationInfo? Location);
