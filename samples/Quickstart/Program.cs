using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using Quickstart;
using RnnGen;
using RnnGen.Kernels;

// Optional argument: how many steps the stepping loop at the end times after its warm-up (0 skips it, to time start-up).
int loopSteps = 200_000;
if (args.Length > 0 && !(int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out loopSteps) && loopSteps <= 100_000_000))
{
    Console.Error.WriteLine($"usage: Quickstart [steps]   steps: 0 to 100000000 (default 200000), not '{args[0]}'");
    return 2;
}

// "나는 사과 딸기 바나나 좋아" ("I like apples, strawberries, bananas"), one-hot over 5 words;
// the first word is padding, so step 1 is all zeros.
float[] sentence =
{
    0, 0, 0, 0, 0,
    0, 1, 0, 0, 0,
    0, 0, 1, 0, 0,
    0, 0, 0, 1, 0,
    0, 0, 0, 0, 1,
};
const int TimeSteps = 5;

// SimpleRNN(2)
var simpleRnn = SeedSimpleRnn.FromParameters(LoadWeights("simple_rnn.f32"), WeightLayout.Keras);

// What the kernels can run on: the widest width this process accelerates (a NativeAOT binary uses only the instruction
// sets it was published for, eng/publish-aot.sh, whatever the CPU has), and the width measured fastest for this model's
// layer among those (PathCalibration: a 2-unit layer often wins on narrower registers).
Console.WriteLine($"vector path: {VectorPaths.DescribeProcess(VectorPaths.Best)}");
Console.WriteLine($"measured fastest for SimpleRNN(2): {simpleRnn.VectorPath}");
Console.WriteLine($"input: {TimeSteps} steps × {SeedSimpleRnn.InputSize} features (Keras weights from weights/*.f32)");
Console.WriteLine();

var simpleRnnState = new SeedSimpleRnn.State();
float[] lastHidden = new float[SeedSimpleRnn.OutputLength(TimeSteps)];
simpleRnn.Run(sentence, ref simpleRnnState, lastHidden);
Console.WriteLine($"SimpleRNN(2)\nhidden state : {Format(lastHidden, 1, 2)}, shape: (1, 2)\n");

// SimpleRNN(2, return_sequences=True)
var sequenceRnn = SeedSimpleRnnSequence.FromParameters(LoadWeights("simple_rnn_seq.f32"), WeightLayout.Keras);
var sequenceRnnState = new SeedSimpleRnnSequence.State();
float[] hiddenStates = new float[SeedSimpleRnnSequence.OutputLength(TimeSteps)];
sequenceRnn.Run(sentence, ref sequenceRnnState, hiddenStates);
Console.WriteLine($"SimpleRNN(2, return_sequences=True)\nhidden states : {Format(hiddenStates, TimeSteps, 2)}, shape: (1, {TimeSteps}, 2)\n");

// LSTM(2, return_sequences=True, return_state=True): the final h and c are read from the State.
var lstm = SeedLstm.FromParameters(LoadWeights("lstm_seq_state.f32"), WeightLayout.Keras);
var lstmState = new SeedLstm.State();
float[] lstmHidden = new float[SeedLstm.OutputLength(TimeSteps)];
lstm.Run(sentence, ref lstmState, lstmHidden);
Console.WriteLine("LSTM(2, return_sequences=True, return_state=True)");
Console.WriteLine($"hidden states : {Format(lstmHidden, TimeSteps, 2)}, shape: (1, {TimeSteps}, 2)");
Console.WriteLine($"last hidden state : {Format(lstmState.Hidden(0).ToArray(), 1, 2)}, shape: (1, 2)");
Console.WriteLine($"last cell state : {Format(lstmState.Cell(0).ToArray(), 1, 2)}, shape: (1, 2)");
Console.WriteLine();

// Streaming: the same LSTM fed one word at a time, as a sensor loop calls it, gives Run's outputs.
var streamState = new SeedLstm.State();
float[] stepOutput = new float[SeedLstm.OutputSize];
float largestDifference = 0;
for (int t = 0; t < TimeSteps; t++)
{
    lstm.Step(sentence.AsSpan(t * SeedLstm.InputSize, SeedLstm.InputSize), ref streamState, stepOutput);
    for (int i = 0; i < SeedLstm.OutputSize; i++)
    {
        largestDifference = Math.Max(largestDifference, Math.Abs(stepOutput[i] - lstmHidden[(t * SeedLstm.OutputSize) + i]));
    }
}

Console.WriteLine($"LSTM Step, one word at a time: largest difference from Run {largestDifference:E1}");

// A long stepping loop, counting what it allocates and how many garbage collections run meanwhile: both stay 0.
// Warm-up first: half a second of short calls, so that both Step and the loop around it reach the JIT's optimised tier
// (it optimises a method after 30 calls and a delay of about 100 ms; a loop called a few times long runs an
// unoptimised frame, which timed 3-4x the steady cost here). A NativeAOT binary needs no warm-up.
if (loopSteps == 0)
{
    return 0;
}

long bytesBefore = GC.GetAllocatedBytesForCurrentThread();
int collectionsBefore = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
long warmUp = Stopwatch.GetTimestamp();
do
{
    StepMany(lstm, ref streamState, sentence, stepOutput, Math.Min(loopSteps, 1000));
}
while (Stopwatch.GetElapsedTime(warmUp).TotalMilliseconds < 500);

long start = Stopwatch.GetTimestamp();
StepMany(lstm, ref streamState, sentence, stepOutput, loopSteps);
double nanoseconds = Stopwatch.GetElapsedTime(start).TotalNanoseconds / loopSteps;
long allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
int collections = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - collectionsBefore;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stepping loop: {loopSteps} steps, {nanoseconds:F0} ns per step, {allocated} bytes allocated, {collections} GC collections"));
return 0;

// The sentence over and over, from a fresh state at each first word.
static void StepMany(SeedLstm model, ref SeedLstm.State state, float[] sentence, float[] output, int steps)
{
    for (int i = 0; i < steps; i++)
    {
        int word = i % TimeSteps;
        if (word == 0)
        {
            state.Reset();
        }

        model.Step(sentence.AsSpan(word * SeedLstm.InputSize, SeedLstm.InputSize), ref state, output);
    }
}

static float[] LoadWeights(string file)
{
    string path = Path.Combine(AppContext.BaseDirectory, "weights", file);
    return MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(path)).ToArray();
}

// numpy-style: [[a b] [c d]] for a batch of one.
static string Format(float[] values, int rows, int columns)
{
    var text = new System.Text.StringBuilder(rows > 1 ? "[[" : "[");
    for (int r = 0; r < rows; r++)
    {
        text.Append(r == 0 ? "[" : " [");
        for (int c = 0; c < columns; c++)
        {
            text.Append(c == 0 ? string.Empty : " ").Append(values[(r * columns) + c].ToString("0.00000000;-0.00000000", CultureInfo.InvariantCulture));
        }

        text.Append(']');
    }

    return text.Append(rows > 1 ? "]]" : "]").ToString();
}
