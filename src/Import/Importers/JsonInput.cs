using System;
using System.Text.Json;

namespace RnnGen.Import;

/// <summary>Parses a JSON model file and reads typed fields, turning every JSON problem into a <see cref="ModelImportException"/>.</summary>
internal static class JsonInput
{
    public static JsonDocument Parse(byte[] file, string format)
    {
        // JsonDocument only notices invalid UTF-8 inside a string when the string is read, as an InvalidOperationException.
        if (!System.Text.Unicode.Utf8.IsValid(file))
        {
            throw new ModelImportException($"{format}: the file is not valid UTF-8 text.");
        }

        try
        {
            return JsonDocument.Parse(file, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new ModelImportException($"{format}: the file is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
    }

    public static JsonElement Property(JsonElement element, string name, string where)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out JsonElement value))
        {
            throw new ModelImportException($"{where}: '{name}' is missing.");
        }

        return value;
    }

    public static JsonElement? Optional(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static long Integer(JsonElement element, string name, string where)
    {
        JsonElement value = Property(element, name, where);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) ? number : throw new ModelImportException($"{where}: '{name}' is {value.ValueKind}, not an integer.");
    }

    public static string Text(JsonElement element, string name, string where)
    {
        JsonElement value = Property(element, name, where);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new ModelImportException($"{where}: '{name}' is {value.ValueKind}, not a string.");
    }

    public static bool Flag(JsonElement element, string name, bool fallback, string where)
    {
        JsonElement? value = Optional(element, name);
        return value?.ValueKind switch
        {
            null => fallback,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ModelImportException($"{where}: '{name}' is {value.Value.ValueKind}, not true or false."),
        };
    }

    public static bool Is(JsonElement element, string text) => element.ValueKind == JsonValueKind.String && string.Equals(element.GetString(), text, StringComparison.Ordinal);
}
