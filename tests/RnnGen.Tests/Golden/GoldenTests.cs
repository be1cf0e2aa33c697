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
    [MemberData(nameof(Names))]
    public void Run_matches_framework_with_each_layer_on_another_path(string name)
    {
        GoldenCase golden = GoldenCase.Load(name);
        float worst = 0;
        foreach (GoldenRun run in golden.Runs)
        {
            GoldenOutcome outcome = GoldenModels.Run(golden, run, VectorPath.Scalar, mixedPaths: true);
            worst = Math.Max(worst, Compare(golden, run, outcome, "Run on mixed paths"));
        }

        output.WriteLine($"{name} on mixed paths: max |error| {worst:E2}");
    }

    public static TheoryData<string> Names => new(GoldenModels.Names);

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
        GoldenError worst = GoldenComparison.Worst(run, outcome);
        Assert.True(worst.WithinTolerance, $"{golden.Name} ({golden.Framework}) T={run.TimeSteps} via {path} {worst.Where}");
        return worst.Error;
    }
}
