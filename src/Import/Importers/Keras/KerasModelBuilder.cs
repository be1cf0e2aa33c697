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
    private static readonly HashSet<string> NoOps = new(StringComparer.Ordinal) { "InputLayer", "Dropout", "SpatialDropout1D", "GaussianNoise", "GaussianDropout" };

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

    /// <summary>Adds the layer to the model, or returns why it cannot.</summary>
    private static string? Add(ImportedModel model, KerasLayerConfig layer, List<RawTensor> weights, bool keras3, ref int? output)
    {
        string where = $"layer '{layer.Name}' ({layer.ClassName})";
        if (NoOps.Contains(layer.ClassName))
        {
            model.Notes.Add($"{where} does nothing at inference and was skipped");
            return null;
        }

        if (layer.ClassName == "Activation")
        {
            Activation? activation = KerasActivations.Parse(JsonInput.Optional(layer.Config, "activation"), keras3, out string name);
            if (model.Layers.Count > 0 && model.Layers[^1] is { Kind: LayerKind.Dense, Activation: Activation.Linear } dense && output is not null && activation is not null)
            {
                dense.Activation = activation.Value;
                model.Notes.Add($"{where} '{name}' was folded into Dense '{dense.SourceName}'");
                return null;
            }

            return $"{where} '{name}' is only supported right after a linear Dense layer";
        }

        bool bidirectional = layer.ClassName == "Bidirectional";
        JsonElement config = layer.Config;
        string className = layer.ClassName;
        MergeMode merge = MergeMode.Concat;
        if (bidirectional)
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

        Activation? activation0 = KerasActivations.Parse(JsonInput.Optional(config, "activation"), keras3, out string activationName);
        if (activation0 is null || (activation0 == Activation.Softmax && kind != LayerKind.Dense))
        {
            return $"{where}: activation '{activationName}' is not supported";
        }

        Activation recurrentActivation = Activation.Sigmoid;
        if (kind is LayerKind.Lstm or LayerKind.Gru)
        {
            // Absent only in old Keras 2 configs, whose default was hard_sigmoid (Keras 3's default is sigmoid).
            JsonElement? recurrent = JsonInput.Optional(config, "recurrent_activation");
            string recurrentName = keras3 ? "sigmoid" : "hard_sigmoid";
            Activation? parsed = recurrent is null ? (keras3 ? Activation.Sigmoid : Activation.HardSigmoid) : KerasActivations.Parse(recurrent, keras3, out recurrentName);

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
