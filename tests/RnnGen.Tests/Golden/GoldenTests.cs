using RnnGen.Kernels;
using Xunit;
using Xunit.Abstractions;

namespace RnnGen.Tests.Golden;

/// <summary>
/// Every generated model against the outputs of the real framework that defined it (PyTorch, TensorFlow.js
/// Keras layers, ONNX Runtime), through Run and, where the model streams, through Step.
/// </summary>
public sealed class GoldenTests(ITestOutputHelper output)
{
    /// <summary>Max absolute error allowed against the frameworks (float32 with a different summation order).</summary>
    private const float Tolerance = 1e-5f;

    /// <summary>Every case on every vector path: the best one here, then each width explicitly (wider ones emulated if need be).</summary>
    public static TheoryData<string, VectorPath> Cases
    {
        get
        {
            var data = new TheoryData<string, VectorPath>();
            foreach (string name in GoldenModels.Names)
            {
                foreach (VectorPath path in Enum.GetValues<VectorPath>())
                {
                    data.Add(name, path);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Reports_the_vector_path_of_this_process() =>
        output.WriteLine($"best vector path here: {VectorPaths.Best} ({VectorPaths.Describe(VectorPaths.Best)})");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_matches_framework(string name, VectorPath path)
    {
        GoldenCase golden = GoldenCase.Load(name);
        float worst = 0;
        foreach (GoldenRun run in golden.Runs)
        {
            GoldenOutcome outcome = GoldenModels.Run(golden, run, path);
            worst = Math.Max(worst, Compare(golden, run, outcome, "Run on " + path));
        }

        output.WriteLine($"{name} ({golden.Framework}, {golden.Layout}) on {path}: max |error| {worst:E2} over {golden.Runs.Count} runs");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_matches_framework_where_the_model_streams(string name, VectorPath path)
    {
        GoldenCase golden = GoldenCase.Load(name);
        float worst = 0;
        foreach (GoldenRun run in golden.Runs)
        {
            GoldenOutcome? outcome = GoldenModels.StepThrough(golden, run, path);
            if (outcome is null)
            {
                output.WriteLine($"{name}: has a Backward/Bidirectional layer, so no Step");
                return;
            }

            worst = Math.Max(worst, Compare(golden, run, outcome, "Step on " + path));
        }

        output.WriteLine($"{name} on {path}: Step max |error| {worst:E2}");
    }

    private static float Compare(GoldenCase golden, GoldenRun run, GoldenOutcome outcome, string path)
    {
        string where = $"{golden.Name} ({golden.Framework}) T={run.TimeSteps} via {path}";
        float worst = MaxError(run.Outputs, outcome.Outputs, where + " outputs");
        for (int i = 0; i < run.FinalStates.Count; i++)
        {
            worst = Math.Max(worst, MaxError(run.FinalStates[i].Values, outcome.FinalStates[i], $"{where} final {run.FinalStates[i]}"));
        }

        return worst;
    }

    private static float MaxError(float[] expected, float[] actual, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}");
        float worst = 0;
        int worstIndex = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            float error = Math.Abs(expected[i] - actual[i]);
            if (!(error <= worst))
            {
                worst = error;
                worstIndex = i;
            }
        }

        Assert.True(worst <= Tolerance, $"{what}: max |error| {worst:E3} at index {worstIndex} (expected {(worstIndex >= 0 ? expected[worstIndex] : 0)}, got {(worstIndex >= 0 ? actual[worstIndex] : 0)})");
        return worst;
    }
}
