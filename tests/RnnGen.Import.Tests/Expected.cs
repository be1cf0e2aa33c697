using System.Text.Json;

namespace RnnGen.Import.Tests;

/// <summary>A test file's input sequence and the framework's output (tools/import/make_cases.py, PyTorch in float64).</summary>
internal sealed record Expected(int TimeSteps, float[] Input, float[] Output)
{
    public static Expected Load(string name)
    {
        using JsonDocument document = JsonDocument.Parse(TestFiles.Read(name + ".expected.json"));
        JsonElement root = document.RootElement;
        return new Expected(
            root.GetProperty("timeSteps").GetInt32(),
            root.GetProperty("input").EnumerateArray().Select(e => e.GetSingle()).ToArray(),
            root.GetProperty("output").EnumerateArray().Select(e => e.GetSingle()).ToArray());
    }
}
