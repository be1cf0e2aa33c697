using System.Diagnostics;
using System.Text.Json;
using RnnGen;

// The consumer test's app (eng/check-package.sh copies it into a fresh `dotnet new console` outside the repository):
// runs the baked model on the input PyTorch saw and compares with PyTorch's output.
string expectedFile = args.Length > 0 ? args[0] : "expected.json";
using JsonDocument expected = JsonDocument.Parse(File.ReadAllBytes(expectedFile));
float[] input = Floats(expected.RootElement.GetProperty("input"));
float[] reference = Floats(expected.RootElement.GetProperty("output"));

var model = LstmLinear.Default;
var state = model.NewState();
var output = new float[LstmLinear.OutputLength(input.Length / LstmLinear.InputSize)];
model.Run(input, ref state, output);

double worst = reference.Length == output.Length ? reference.Zip(output, (r, o) => Math.Abs((double)r - o)).Max() : double.PositiveInfinity;
Console.WriteLine($"baked LSTM 3->8 + Dense 2 on {input.Length / LstmLinear.InputSize} steps: max |error| vs PyTorch {worst:E2} ({output.Length} outputs)");

// Streaming: Step allocates nothing (timed after half a second of warm-up, so the JIT reaches its optimised tier).
state = model.NewState();
var step = new float[LstmLinear.OutputLength(1)];
for (long warmUp = Stopwatch.GetTimestamp(); Stopwatch.GetElapsedTime(warmUp).TotalMilliseconds < 500;)
{
    StepMany(model, input, ref state, step, 10_000);
}

long before = GC.GetAllocatedBytesForCurrentThread();
long start = Stopwatch.GetTimestamp();
StepMany(model, input, ref state, step, 200_000);
double nanoseconds = Stopwatch.GetElapsedTime(start).TotalNanoseconds / 200_000;
Console.WriteLine($"Step: {nanoseconds:F0} ns per step, {GC.GetAllocatedBytesForCurrentThread() - before} bytes allocated");
return worst <= 1e-5 ? 0 : 1;

static void StepMany(LstmLinear model, float[] input, ref LstmLinear.State state, float[] output, int steps)
{
    for (int t = 0; t < steps; t++)
    {
        model.Step(input.AsSpan(t % 12 * LstmLinear.InputSize, LstmLinear.InputSize), ref state, output);
    }
}

static float[] Floats(JsonElement array) => array.EnumerateArray().Select(v => v.GetSingle()).ToArray();

[RnnModel(inputSize: 3, Weights = "pytorch_lstm_linear.safetensors", Layout = WeightLayout.PyTorch)]
[Lstm(8, ReturnSequences = true)]
[Dense(2)]
public partial class LstmLinear { }
