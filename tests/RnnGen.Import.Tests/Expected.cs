using System.Text.Json;

namespace RnnGen.Import.Tests;

/// <summary>A test file's input sequence and the framework's output: ONNX Runtime's for .onnx files (tools/import/ort_expected.mjs), PyTorch's float64 forward for the rest (make_cases.py).</summary>
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
