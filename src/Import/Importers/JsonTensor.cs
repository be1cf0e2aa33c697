using System.Collections.Generic;
using System.Text.Json;

namespace RnnGen.Import;

/// <summary>Nested JSON number lists (<c>[[0.1, 0.2], [0.3, 0.4]]</c>) as a tensor, checked to be rectangular.</summary>
internal static class JsonTensor
{
    public static RawTensor Read(JsonElement element, string name)
    {
        var shape = new List<long>();
        JsonElement probe = element;
        while (probe.ValueKind == JsonValueKind.Array)
        {
            shape.Add(probe.GetArrayLength());
            if (probe.GetArrayLength() == 0)
            {
                break;
            }

            probe = probe[0];
        }

        long count = WeightBuilder.Product(shape.ToArray());
        // Every element took at least one byte of the already-parsed text, so this cannot exceed the file's size.
        var values = new List<float>(checked((int)System.Math.Min(count, 1 << 20)));
        Flatten(element, shape, 0, values, name);
        return new RawTensor(name, shape.ToArray(), values.ToArray());
    }

    private static void Flatten(JsonElement element, List<long> shape, int depth, List<float> values, string name)
    {
        if (depth == shape.Count)
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out double value))
            {
                throw new ModelImportException($"'{name}': expected a number at depth {depth}, found {element.ValueKind}.");
            }

            values.Add((float)value);
            return;
        }

        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() != shape[depth])
        {
            throw new ModelImportException($"'{name}': the nested lists are not rectangular (expected {shape[depth]} entries at depth {depth}).");
        }

        foreach (JsonElement item in element.EnumerateArray())
        {
            Flatten(item, shape, depth + 1, values, name);
        }
    }
}
