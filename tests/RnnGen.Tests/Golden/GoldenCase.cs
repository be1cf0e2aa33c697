using System.Text.Json;

namespace RnnGen.Tests.Golden;

/// <summary>One reference case: a model, its framework weights, and runs with the framework's outputs.</summary>
public sealed class GoldenCase
{
    public required string Name { get; init; }

    public required string Framework { get; init; }

    public required WeightLayout Layout { get; init; }

    public required float[] Parameters { get; init; }

    public required IReadOnlyList<GoldenRun> Runs { get; init; }

    public static GoldenCase Load(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Golden", "Data", name + ".json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement;
        return new GoldenCase
        {
            Name = root.GetProperty("name").GetString()!,
            Framework = root.GetProperty("framework").GetString()!,
            Layout = Enum.Parse<WeightLayout>(root.GetProperty("layout").GetString()!),
            Parameters = Floats(root.GetProperty("parameters")),
            Runs = root.GetProperty("runs").EnumerateArray().Select(ReadRun).ToArray(),
        };
    }

    private static GoldenRun ReadRun(JsonElement run) => new()
    {
        TimeSteps = run.GetProperty("timeSteps").GetInt32(),
        Inputs = Floats(run.GetProperty("inputs")),
        Outputs = Floats(run.GetProperty("outputs")),
        InitialStates = run.GetProperty("initialStates").EnumerateArray().Select(ReadState).ToArray(),
        FinalStates = run.GetProperty("finalStates").EnumerateArray().Select(ReadState).ToArray(),
    };

    private static GoldenState ReadState(JsonElement state) => new()
    {
        Layer = state.GetProperty("layer").GetInt32(),
        Direction = state.GetProperty("direction").GetInt32(),
        IsCell = state.GetProperty("kind").GetString() == "cell",
        Values = Floats(state.GetProperty("values")),
    };

    private static float[] Floats(JsonElement array) => array.EnumerateArray().Select(e => e.GetSingle()).ToArray();
}

/// <summary>One input sequence with the framework's outputs and final states.</summary>
public sealed class GoldenRun
{
    public required int TimeSteps { get; init; }

    public required float[] Inputs { get; init; }

    public required float[] Outputs { get; init; }

    public required IReadOnlyList<GoldenState> InitialStates { get; init; }

    public required IReadOnlyList<GoldenState> FinalStates { get; init; }
}

/// <summary>One layer/direction's h or c.</summary>
public sealed class GoldenState
{
    public required int Layer { get; init; }

    public required int Direction { get; init; }

    public required bool IsCell { get; init; }

    public required float[] Values { get; init; }

    public override string ToString() => $"layer {Layer} direction {Direction} {(IsCell ? "cell" : "hidden")}";
}

/// <summary>What RnnGen produced for a run; FinalStates in the order of the run's FinalStates.</summary>
public sealed record GoldenOutcome(float[] Outputs, float[][] FinalStates);
