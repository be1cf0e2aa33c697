using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace RnnGen.Import;

/// <summary>
/// A NeuralAmpModeler <c>.nam</c> file: JSON with <c>version</c>, <c>architecture</c>, <c>config</c>, a flat
/// <c>weights</c> list and <c>sample_rate</c>. RnnGen runs the <c>LSTM</c> architecture (<c>config</c>: input_size,
/// hidden_size, num_layers). Its weights, as NAM's exporter writes them and its C++ core reads them: per layer the gate
/// matrix over [input, hidden] (<c>[4H, in + H]</c> row-major, PyTorch gate order i, f, g, o), the summed bias
/// <c>[4H]</c>, then the layer's learned initial hidden state <c>[H]</c> and cell state <c>[H]</c>; after the layers a
/// linear head H → 1 (weights, then bias). Each step is one sample through every layer and the head.
/// </summary>
public static class NamImporter
{
    private const string Format = "NAM";

    /// <summary>Whether the JSON looks like this format.</summary>
    public static bool Recognises(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("architecture", out _) && root.TryGetProperty("weights", out _) && root.TryGetProperty("config", out _);

    /// <summary>Reads the model.</summary>
    public static ImportedModel Read(JsonElement root)
    {
        string architecture = JsonInput.Text(root, "architecture", Format);
        string version = JsonInput.Optional(root, "version") is { ValueKind: JsonValueKind.String } v ? v.GetString()! : "unknown";
        var model = new ImportedModel($"{Format} {version} ({architecture})", WeightLayout.PyTorch);
        JsonElement config = JsonInput.Property(root, "config", Format);
        JsonElement weightList = JsonInput.Property(root, "weights", Format);
        if (weightList.ValueKind != JsonValueKind.Array)
        {
            throw new ModelImportException($"{Format}: 'weights' is {weightList.ValueKind}, not a list of numbers.");
        }

        if (architecture != "LSTM")
        {
            string problem = $"NAM architecture '{architecture}' is not supported yet: RnnGen runs NAM's LSTM models";
            model.SourceLayers.Add(new SourceLayer(architecture, architecture, new[] { ("weights", new long[] { weightList.GetArrayLength() }) }, problem));
            model.Unsupported.Add(problem);
            return model;
        }

        int inputSize = WeightBuilder.Size(JsonInput.Integer(config, "input_size", Format + " config"), Format + " config input_size");
        int hidden = WeightBuilder.Size(JsonInput.Integer(config, "hidden_size", Format + " config"), Format + " config hidden_size");
        long layers = JsonInput.Integer(config, "num_layers", Format + " config");
        if (layers is < 1 or > 64)
        {
            throw new ModelImportException($"{Format}: config num_layers is {layers}; RnnGen runs 1 to 64 LSTM layers.");
        }

        float[] weights = Weights(weightList, ExpectedCount(inputSize, hidden, (int)layers));
        var reader = new Reader(weights);
        model.InputSize = inputSize;
        for (int l = 0; l < layers; l++)
        {
            int inputs = l == 0 ? inputSize : hidden;
            var layer = new ImportedLayer($"lstm_l{l}", LayerKind.Lstm, inputs, hidden)
            {
                Module = "lstm",
                ModuleIndex = l,
                ReturnSequences = true,
                LearnedInitialState = true,
            };
            float[] gates = reader.Take(4 * hidden * (inputs + hidden));
            float[] bias = reader.Take(4 * hidden);
            float[] h0 = reader.Take(hidden);
            float[] c0 = reader.Take(hidden);
            LayerWeights rows = WeightBuilder.FromRows(
                layer,
                WeightLayout.PyTorch,
                Columns(gates, 4 * hidden, inputs + hidden, 0, inputs, $"weight_ih_l{l}"),
                Columns(gates, 4 * hidden, inputs + hidden, inputs, hidden, $"weight_hh_l{l}"),
                new RawTensor($"bias_l{l}", new long[] { 4 * hidden }, bias),
                null);
            layer.Weights.Add(new LayerWeights(rows.Kernel, rows.RecurrentKernel, rows.InputBias, null) { InitialHidden = h0, InitialCell = c0 });
            model.Layers.Add(layer);
            model.SourceLayers.Add(new SourceLayer(layer.SourceName, "LSTM", new (string, long[])[]
            {
                ("weights [ih | hh]", new long[] { 4 * hidden, inputs + hidden }), ("bias", new long[] { 4 * hidden }),
                ("initial hidden", new long[] { hidden }), ("initial cell", new long[] { hidden }),
            }, null));
        }

        var head = new ImportedLayer("head", LayerKind.Dense, hidden, 1) { Module = "head" };
        head.Weights.Add(WeightBuilder.FromRows(head, WeightLayout.PyTorch, new RawTensor("head.weight", new long[] { 1, hidden }, reader.Take(hidden)), null, new RawTensor("head.bias", new long[] { 1 }, reader.Take(1)), null));
        model.Layers.Add(head);
        model.SourceLayers.Add(new SourceLayer("head", "Linear", new (string, long[])[] { ("weight", new long[] { 1, hidden }), ("bias", new long[] { 1 }) }, null));

        model.Notes.Add("NAM's LSTM starts every stream from the initial state it learned: create states with model.NewState() (or ResetState), not new State()");
        if (JsonInput.Optional(root, "sample_rate") is { ValueKind: JsonValueKind.Number } rate)
        {
            model.Notes.Add($"trained at {rate.GetDouble().ToString(CultureInfo.InvariantCulture)} Hz: feed it samples at that rate, one Step per sample");
        }

        return model;
    }

    /// <summary>The weights NAM's LSTM of these sizes stores, and how they break down, for the count check.</summary>
    private static (long Count, string Breakdown) ExpectedCount(int inputSize, int hidden, int layers)
    {
        long count = 0;
        var parts = new List<string>();
        for (int l = 0; l < layers; l++)
        {
            int inputs = l == 0 ? inputSize : hidden;
            long layer = (4L * hidden * (inputs + hidden)) + (4L * hidden) + (2L * hidden);
            parts.Add($"layer {l}: 4·{hidden}·({inputs}+{hidden}) + 4·{hidden} + 2·{hidden} = {layer}");
            count += layer;
        }

        parts.Add($"head: {hidden} + 1");
        return (count + hidden + 1, string.Join("; ", parts));
    }

    private static float[] Weights(JsonElement list, (long Count, string Breakdown) expected)
    {
        if (list.GetArrayLength() != expected.Count)
        {
            throw new ModelImportException($"{Format}: 'weights' holds {list.GetArrayLength()} numbers, but the config's LSTM needs {expected.Count} ({expected.Breakdown}).");
        }

        var weights = new float[expected.Count];
        int i = 0;
        foreach (JsonElement value in list.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number) || !float.IsFinite((float)number))
            {
                throw new ModelImportException($"{Format}: weights[{i}] is {value.GetRawText()}, not a finite float32 number.");
            }

            weights[i++] = (float)number;
        }

        return weights;
    }

    /// <summary>Columns [<paramref name="first"/>, first + count) of a row-major [rows, width] matrix, as a tensor.</summary>
    private static RawTensor Columns(float[] matrix, int rows, int width, int first, int count, string name)
    {
        var values = new float[rows * count];
        for (int r = 0; r < rows; r++)
        {
            Array.Copy(matrix, (r * width) + first, values, r * count, count);
        }

        return new RawTensor(name, new long[] { rows, count }, values);
    }

    /// <summary>Hands out the flat weights in order.</summary>
    private sealed class Reader(float[] weights)
    {
        private int _at;

        public float[] Take(int count)
        {
            float[] part = weights.AsSpan(_at, count).ToArray();
            _at += count;
            return part;
        }
    }
}
