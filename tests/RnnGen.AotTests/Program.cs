using System.Globalization;
using RnnGen.Kernels;
using RnnGen.Tests.Golden;

// Every golden case through Run, and through Step where the model streams, on every vector path (the widest ones
// emulated where the hardware lacks them), inside whatever binary this is: JIT or NativeAOT, x64 or arm64.
// Exit code 0 only if every result is within the golden tolerance of its framework.
Console.WriteLine($"golden check: best vector path {VectorPaths.DescribeProcess(VectorPaths.Best)}");

var worstByFramework = new SortedDictionary<string, float>(StringComparer.Ordinal);
int checks = 0;
var failures = new List<string>();
foreach (string name in GoldenModels.Names)
{
    GoldenCase golden = GoldenCase.Load(name);
    foreach (VectorPath path in Enum.GetValues<VectorPath>())
    {
        foreach (GoldenRun run in golden.Runs)
        {
            Check(golden, run, GoldenModels.Run(golden, run, path), $"Run on {path}");
            if (GoldenModels.StepThrough(golden, run, path) is { } stepped)
            {
                Check(golden, run, stepped, $"Step on {path}");
            }
        }
    }

    // Layers measured apart may run different widths: every layer on another path than its neighbours.
    foreach (GoldenRun run in golden.Runs)
    {
        Check(golden, run, GoldenModels.Run(golden, run, VectorPath.Scalar, mixedPaths: true), "Run on mixed paths");
    }
}

// Safetensors loading (JSON header, name matching, F16/BF16 widening) inside this binary: the same model as FromParameters.
GoldenCase softmaxCase = GoldenCase.Load("torch_lstm_8x32_dense_softmax");
foreach (string dtype in new[] { "f32", "f16", "bf16" })
{
    byte[] file = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Weights", "Data", $"torch_lstm_8x32_dense_softmax_{dtype}.safetensors"));
    var model = TorchLstm8x32DenseSoftmax.FromSafetensors(file, RnnGen.WeightLayout.PyTorch, "net");
    var state = default(TorchLstm8x32DenseSoftmax.State);
    float[] outputs = new float[TorchLstm8x32DenseSoftmax.OutputLength(softmaxCase.Runs[0].TimeSteps)];
    model.Run(softmaxCase.Runs[0].Inputs, ref state, outputs);
    float worst = outputs.Zip(softmaxCase.Runs[0].Outputs, (a, b) => Math.Abs(a - b)).Max();
    checks++;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  FromSafetensors ({dtype}): max |error| {worst:E2} against PyTorch"));
    // Rounded half-precision weights move the outputs themselves; the xunit tests check their widening bit for bit.
    if (!(worst <= (dtype == "f32" ? GoldenComparison.Tolerance : 1e-2f)))
    {
        failures.Add($"FromSafetensors {dtype}: max |error| {worst}");
    }
}

// Weights baked in at build time: Default must be the golden model, from the binary's own data.
GoldenCase bakedCase = GoldenCase.Load("torch_gru_13x29_bidir_two_layers");
foreach (GoldenRun run in bakedCase.Runs.Where(r => r.InitialStates.Count == 0))
{
    var state = default(BakedGolden.State);
    float[] outputs = new float[BakedGolden.OutputLength(run.TimeSteps)];
    BakedGolden.Default.Run(run.Inputs, ref state, outputs);
    float worst = outputs.Zip(run.Outputs, (a, b) => Math.Abs(a - b)).Max();
    checks++;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  baked Default ({run.TimeSteps} steps): max |error| {worst:E2} against PyTorch"));
    if (!(worst <= GoldenComparison.Tolerance))
    {
        failures.Add($"baked Default: max |error| {worst}");
    }
}

// StepBatch (one thread and split) bit for bit against Step, on every vector path of this binary.
List<string> batchFailures = BatchCheck.Run(out int batchChecks);
checks += batchChecks;
failures.AddRange(batchFailures);
Console.WriteLine($"  StepBatch: {batchChecks} stream-steps compared with Step on every vector path, {batchFailures.Count} differ");

foreach ((string framework, float worst) in worstByFramework)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {framework}: max |error| {worst:E2}"));
}

Console.WriteLine($"golden check: {checks} runs compared over {GoldenModels.Names.Length} models × {Enum.GetValues<VectorPath>().Length} vector paths, {failures.Count} failed");
foreach (string failure in failures)
{
    Console.WriteLine("  FAIL " + failure);
}

return failures.Count == 0 && checks > 0 ? 0 : 1;

void Check(GoldenCase golden, GoldenRun run, GoldenOutcome outcome, string how)
{
    GoldenError worst = GoldenComparison.Worst(run, outcome);
    checks++;
    worstByFramework[golden.Framework] = Math.Max(worstByFramework.GetValueOrDefault(golden.Framework), worst.Error);
    if (!worst.WithinTolerance)
    {
        failures.Add($"{golden.Name} ({golden.Framework}) T={run.TimeSteps} via {how}: {worst.Where}");
    }
}

[RnnGen.RnnModel(inputSize: 13, Weights = "torch_gru_13x29_bidir_two_layers.safetensors", Layout = RnnGen.WeightLayout.PyTorch)]
[RnnGen.Gru(29, ReturnSequences = true, Direction = RnnGen.Direction.Bidirectional)]
[RnnGen.Gru(29, ReturnSequences = true, Direction = RnnGen.Direction.Bidirectional)]
internal partial class BakedGolden;
