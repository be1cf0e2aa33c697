using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace RnnGen.Import;

/// <summary>
/// Turns a Keras layer list plus each layer's weights (in <c>get_weights()</c> order) into an <see cref="ImportedModel"/>.
/// Shared by the Keras 2 <c>.h5</c> and Keras 3 <c>.keras</c> readers, which differ only in where weights are stored.
/// </summary>
internal static class KerasModelBuilder
{
    // Layers that do nothing at inference time.
    private static readonly HashSet<string> s_noOps = new(StringComparer.Ordinal) { "InputLayer", "Dropout", "SpatialDropout1D", "GaussianNoise", "GaussianDropout" };

    public static ImportedModel Build(string format, List<KerasLayerConfig> layers, Func<KerasLayerConfig, List<RawTensor>> weightsOf, bool keras3)
    {
        var model = new ImportedModel(format, WeightLayout.Keras);
        int? output = null;
        foreach (KerasLayerConfig layer in layers)
        {
            List<RawTensor> weights = weightsOf(layer);
            string? problem = layer.Problem;
            try
            {
                if (problem is null)
                {
                    problem = Add(model, layer, weights, keras3, ref output);
                }
            }
            catch (ModelImportException e) when (model.Unsupported.Count > 0)
            {
                // After an unsupported layer, sizes no longer chain; report the first real cause, not this echo.
                problem = e.Message;
            }

            model.SourceLayers.Add(new SourceLayer(layer.Name, layer.ClassName, weights.Select(w => w.Entry).ToList(), problem));
            if (problem is not null)
            {
                model.Unsupported.Add(problem);
                output = null;
            }
        }

        if (model.Layers.Count > 0)
        {
            model.InputSize = model.Layers[0].InputSize;
        }

        return model;
    }

    /// <summary>
    /// The activation of a layer that is only an activation (<c>Activation</c>, <c>ELU</c>, <c>LeakyReLU</c>, <c>ReLU</c>,
    /// <c>Softmax</c>) with its α; null for other layers. <paramref name="unsupported"/> is set (and null returned) when
    /// it is an activation layer RnnGen cannot run.
    /// </summary>
    private static Activation? ActivationLayer(KerasLayerConfig layer, bool keras3, out string unsupported, out float? alpha)
    {
        unsupported = string.Empty;
        alpha = null;
        JsonElement config = layer.Config;
        switch (layer.ClassName)
        {
            case "Activation":
                Activation? named = KerasActivations.Parse(JsonInput.Optional(config, "activation"), keras3, out string name, out alpha);
                unsupported = named is null ? $"activation '{name}'" : string.Empty;
                return named;
            case "ELU":
                alpha = Number(config, "alpha", 1f);
                return Activation.Elu;
            case "LeakyReLU":
                // Keras 2 calls the slope alpha, Keras 3 negative_slope; both layers default to 0.3.
                alpha = Number(config, keras3 || JsonInput.Optional(config, "negative_slope") is not null ? "negative_slope" : "alpha", 0.3f);
                return Activation.LeakyRelu;
            case "ReLU":
                float slope = Number(config, "negative_slope", 0f);
                if (JsonInput.Optional(config, "max_value") is not null || Number(config, "threshold", 0f) != 0f)
                {
                    unsupported = "ReLU with max_value or threshold";
                    return null;
                }

                alpha = slope == 0f ? null : slope;
                return slope == 0f ? Activation.Relu : Activation.LeakyRelu;
            case "Softmax":
                if (JsonInput.Optional(config, "axis") is { } axis && !(axis.ValueKind == JsonValueKind.Number && axis.TryGetInt32(out int a) && a == -1))
                {
                    unsupported = "Softmax over an axis other than the last";
                    return null;
                }

                return Activation.Softmax;
            default:
                return null;
        }
    }

    private static float Number(JsonElement config, string name, float fallback) =>
        JsonInput.Optional(config, name) is { ValueKind: JsonValueKind.Number } value ? (float)value.GetDouble() : fallback;

    /// <summary>Adds the layer to the model, or returns why it cannot.</summary>
    private static string? Add(ImportedModel model, KerasLayerConfig layer, List<RawTensor> weights, bool keras3, ref int? output)
    {
        string where = $"layer '{layer.Name}' ({layer.ClassName})";
        if (s_noOps.Contains(layer.ClassName))
        {
            model.Notes.Add($"{where} does nothing at inference and was skipped");
            return null;
        }

        if (ActivationLayer(layer, keras3, out string activationName, out float? alpha) is { } standalone)
        {
            if (standalone == Activation.Linear)
            {
                model.Notes.Add($"{where} is linear and was skipped");
                return null;
            }

            if (output is null)
            {
                return $"{where}: its width is unknown because no layer RnnGen runs comes right before it; RnnGen runs activation layers after a Dense or recurrent layer";
            }

            model.Notes.Add(StandaloneActivations.Append(model, layer.Name, output.Value, standalone, alpha));
            return null;
        }

        if (activationName.Length > 0)
        {
            return $"{where}: {activationName} is not supported";
        }

        bool bidirectional = layer.ClassName == "Bidirectional";
        JsonElement config = layer.Config;
        string className = layer.ClassName;
        MergeMode merge = MergeMode.Concat;
        if (className == "TimeDistributed")
        {
            // TimeDistributed(Dense) applies the Dense to every step, which is what a Dense after a sequence does here.
            JsonElement inner = JsonInput.Property(layer.Config, "layer", where);
            className = JsonInput.Text(inner, "class_name", where + " inner layer");
            config = JsonInput.Property(inner, "config", where + " inner layer");
            if (className != "Dense")
            {
                return $"{where} wraps a {className}; only TimeDistributed(Dense) is supported";
            }
        }
        else if (bidirectional)
        {
            JsonElement inner = JsonInput.Property(layer.Config, "layer", where);
            className = JsonInput.Text(inner, "class_name", where + " inner layer");
            config = JsonInput.Property(inner, "config", where + " inner layer");
            JsonElement? mode = JsonInput.Optional(layer.Config, "merge_mode");
            string modeName = mode is { ValueKind: JsonValueKind.String } m ? m.GetString()! : "None";
            MergeMode? parsed = modeName switch { "concat" => MergeMode.Concat, "sum" => MergeMode.Sum, "mul" => MergeMode.Multiply, "ave" => MergeMode.Average, _ => null };
            if (parsed is null)
            {
                return $"{where}: merge_mode {modeName} is not supported (concat, sum, mul, ave are)";
            }

            merge = parsed.Value;
        }

        LayerKind? kind = className switch { "SimpleRNN" => LayerKind.SimpleRnn, "LSTM" => LayerKind.Lstm, "GRU" => LayerKind.Gru, "Dense" => LayerKind.Dense, _ => null };
        if (kind is null || (bidirectional && kind == LayerKind.Dense))
        {
            return $"{where} is not supported yet";
        }

        if (JsonInput.Flag(config, "stateful", false, where))
        {
            return $"{where} is stateful; RnnGen keeps state in a State value you pass to Step/Run, so declare it stateless";
        }

        if (JsonInput.Flag(config, "time_major", false, where))
        {
            return $"{where} is time_major, which is not supported";
        }

        Activation? activation0 = KerasActivations.Parse(JsonInput.Optional(config, "activation"), keras3, out string layerActivation, out float? alpha0);
        if (activation0 is null || (activation0 == Activation.Softmax && kind != LayerKind.Dense))
        {
            return $"{where}: activation '{layerActivation}' is not supported";
        }

        Activation recurrentActivation = Activation.Sigmoid;
        float? recurrentAlpha = null;
        if (kind is LayerKind.Lstm or LayerKind.Gru)
        {
            // Absent only in old Keras 2 configs, whose default was hard_sigmoid (Keras 3's default is sigmoid).
            JsonElement? recurrent = JsonInput.Optional(config, "recurrent_activation");
            string recurrentName = keras3 ? "sigmoid" : "hard_sigmoid";
            Activation? parsed = recurrent is null ? (keras3 ? Activation.Sigmoid : Activation.HardSigmoid) : KerasActivations.Parse(recurrent, keras3, out recurrentName, out recurrentAlpha);

            if (parsed is null or Activation.Softmax)
            {
                return $"{where}: recurrent_activation '{recurrentName}' is not supported";
            }

            recurrentActivation = parsed.Value;
        }

        int units = WeightBuilder.Size(JsonInput.Integer(config, "units", where), where + " units");
        bool useBias = JsonInput.Flag(config, "use_bias", true, where);
        int perDirection = (kind == LayerKind.Dense ? 1 : 2) + (useBias ? 1 : 0);
        int directions = bidirectional ? 2 : 1;
        if (weights.Count != perDirection * directions)
        {
            throw new ModelImportException($"{where}: {weights.Count} weight arrays stored, the config needs {perDirection * directions}.");
        }

        RawTensor kernel = weights[0];
        if (kernel.Shape.Length != 2)
        {
            throw new ModelImportException($"{where}: kernel '{kernel.Name}' has shape {kernel.ShapeText}, not [inputs, units].");
        }

        int inputSize = WeightBuilder.Size(kernel.Shape[0], where + " input size");
        if (output is not null && output != inputSize)
        {
            throw new ModelImportException($"{where}: the kernel takes {inputSize} inputs but the layer before outputs {output}.");
        }

        var imported = new ImportedLayer(layer.Name, kind.Value, inputSize, units)
        {
            Module = layer.Name,
            Activation = activation0.Value,
            Alpha = alpha0 ?? recurrentAlpha,
            RecurrentActivation = recurrentActivation,
            UseBias = useBias,
            ReturnSequences = kind != LayerKind.Dense && JsonInput.Flag(config, "return_sequences", false, where),
            Direction = bidirectional ? Direction.Bidirectional : JsonInput.Flag(config, "go_backwards", false, where) ? Direction.Backward : Direction.Forward,
            MergeMode = merge,
            // Keras 2 before 2.1.? had no reset_after (the original form); later Keras 2 configs always write it.
            ResetAfter = kind == LayerKind.Gru && JsonInput.Flag(config, "reset_after", false, where),
        };
        for (int d = 0; d < directions; d++)
        {
            int at = d * perDirection;
            imported.Weights.Add(kind == LayerKind.Dense
                ? WeightBuilder.FromKeras(imported, weights[at], null, useBias ? weights[at + 1] : null)
                : WeightBuilder.FromKeras(imported, weights[at], weights[at + 1], useBias ? weights[at + 2] : null));
        }

        model.Layers.Add(imported);
        output = imported.OutputSize;
        return null;
    }
}
