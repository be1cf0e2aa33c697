namespace RnnGen.Import;

/// <summary>
/// Where a standalone activation layer of a source file goes (Keras <c>Activation</c> / <c>ELU</c> / <c>LeakyReLU</c>,
/// RTNeural's <c>activation</c>): into the Dense right before it when that Dense is linear — the same result, one pass
/// less — otherwise into a layer of its own.
/// </summary>
internal static class StandaloneActivations
{
    /// <summary>Appends <paramref name="activation"/> after the model's last layer, which outputs <paramref name="width"/> floats; returns a note saying where it went.</summary>
    public static string Append(ImportedModel model, string sourceName, int width, Activation activation, float? alpha)
    {
        if (model.Layers.Count > 0 && model.Layers[^1] is { Kind: LayerKind.Dense, Activation: Activation.Linear } dense)
        {
            dense.Activation = activation;
            dense.Alpha = alpha;
            return $"activation layer '{sourceName}' ({activation}) was folded into Dense '{dense.SourceName}'";
        }

        model.Layers.Add(ImportedLayer.StandaloneActivation(sourceName, width, activation, alpha));
        return $"activation layer '{sourceName}' ({activation}) runs as a layer of its own (ActivationLayer): the layer before it is not a linear Dense";
    }
}
