namespace RnnGen.Generator.Model;

/// <summary>
/// Every member the generator declares in a model type. A model cannot have one of these names (CS0542), so the
/// parser reports RNNG0016 for them; GeneratedMembersTests keeps the list in step with what the emitters write.
/// </summary>
internal static class GeneratedMembers
{
    public static readonly string[] Names =
    {
        "InputSize", "OutputSize", "ParameterCount", "ReturnsSequences", "StateLength", "CellScratchLength",
        "s_rnnGenLayers", "_rnnGenWeights", "_rnnGenPaths", "LayerPaths", "RnnGenCreate", "RnnGenChoosePaths", "LayerShapes", "ParameterLength", "FromParameters", "FromSafetensors", "OutputLength",
        "RnnGenWeights", "VectorPath", "Step", "StepCore", "Run", "RunCore", "State", "RnnGenStateValues", "Default", "RnnGenBaked",
        "StepBatch", "StepBatchCore", "StepBatchRange", "BatchRange", "BatchState", "NewState", "ResetState",
    };

    /// <summary>Start of the per-layer types' names: <c>RnnGenLayer0Sizes</c>, <c>RnnGenLayer2Alpha</c>, ….</summary>
    public const string LayerTypePrefix = "RnnGenLayer";

    /// <summary>Whether a generated model type may declare a member named <paramref name="name"/>.</summary>
    public static bool Contains(string name) =>
        System.Array.IndexOf(Names, name) >= 0
        || (name.StartsWith(LayerTypePrefix, System.StringComparison.Ordinal) && name.Length > LayerTypePrefix.Length && char.IsDigit(name[LayerTypePrefix.Length]));
}
