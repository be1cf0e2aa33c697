using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Text;
using RnnGen.Activations;
using RnnGen.Kernels;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Benchmarks.Experiments;

/// <summary>
/// <c>--experiment small-layers</c>: same-run A/B of what issue 14 tried for small layers and latency-bound steps, on
/// the kernels alone (no model glue): the paired-gate 2-unit LSTM (<see cref="PairedGateLstm{TTanh}"/>) against the
/// runtime's LstmKernel on 128-bit lanes, and the short-chain tanh (<see cref="LatencyTanh"/>) against the runtime's,
/// inside the LSTM and GRU kernels at every benchmark size. Variants of one row alternate their order every round;
/// each runs about 40 ms per round; the table gives medians. Results go to benchmarks/results/experiments/.
/// </summary>
public static class SmallLayerExperiment
{
    private const double RoundMilliseconds = 40;

    public static int Run(string[] args)
    {
        int rounds = SideBySideRunner.Option(args, "--rounds", 11);
        var rows = new List<string>();
        rows.Add(PairedGates(rounds));
        rows.Add(Lstm<Lanes128, Vector128<float>, Sizes5x2>("LSTM 5→2", rounds));
        rows.Add(Lstm<Lanes256, Vector256<float>, Sizes1x16>("LSTM 1→16", rounds));
        rows.Add(Lstm<Lanes256, Vector256<float>, Sizes1x40>("LSTM 1→40", rounds));
        rows.Add(Lstm<Lanes256, Vector256<float>, Sizes8x32>("LSTM 8→32", rounds));
        rows.Add(Lstm<Lanes256, Vector256<float>, Sizes64x128>("LSTM 64→128", rounds));
        rows.Add(Lstm<Lanes256, Vector256<float>, Sizes128x256>("LSTM 128→256", rounds));
        rows.Add(Gru<Lanes128, Vector128<float>, Sizes5x2>("GRU 5→2", rounds));
        rows.Add(Gru<Lanes256, Vector256<float>, Sizes1x16>("GRU 1→16", rounds));
        rows.Add(Gru<Lanes256, Vector256<float>, Sizes1x40>("GRU 1→40", rounds));
        rows.Add(Gru<Lanes256, Vector256<float>, Sizes8x32>("GRU 8→32", rounds));
        rows.Add(Gru<Lanes256, Vector256<float>, Sizes64x128>("GRU 64→128", rounds));
        rows.Add(Gru<Lanes256, Vector256<float>, Sizes128x256>("GRU 128→256", rounds));

        var text = new StringBuilder();
        text.AppendLine("# Small layers and activation latency: same-run A/B of the kernels (issue 14)").AppendLine();
        text.AppendLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {CpuDescription.Text()}, .NET {Environment.Version}; {rounds} rounds of about {RoundMilliseconds} ms per variant, order alternating; medians of ns per kernel step (no model glue). Made by `--experiment small-layers` (benchmarks/RnnGen.Benchmarks/Experiments).").AppendLine();
        text.AppendLine("| kernel | path | A: runtime today | B: variant | variant | A ÷ B |");
        text.AppendLine("|---|---|--:|--:|---|--:|");
        rows.ForEach(row => text.AppendLine(row));
        Console.WriteLine(text);
        string folder = Path.Combine(SideBySideRunner.Repository(), "benchmarks", "results", "experiments");
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmm}-small-layers-{CpuDescription.Slug()}.md");
        File.WriteAllText(file, text.ToString());
        Console.WriteLine("wrote " + file);
        return 0;
    }

    private static string PairedGates(int rounds)
    {
        const int inputSize = 5;
        ReadOnlyMemory<float> weights = Aligned(PackedWeights(inputSize, 2, 4, 4));
        float[] input = Values(inputSize, 11);
        float[] today = new float[4], paired = new float[4], scratch = new float[64];
        for (int step = 0; step < 50; step++)
        {
            LstmKernel<Lanes128, Vector128<float>, Sizes5x2, SigmoidActivation, TanhActivation>.Step(weights.Span, input, today, scratch);
            PairedGateLstm<TanhActivation>.Step(inputSize, weights.Span, input, paired);
        }

        if (!today.AsSpan().SequenceEqual(paired))
        {
            throw new InvalidOperationException("the paired-gate LSTM does not reproduce LstmKernel bit for bit");
        }

        (double a, double b) = Compare(
            rounds,
            n => { for (int t = 0; t < n; t++) { LstmKernel<Lanes128, Vector128<float>, Sizes5x2, SigmoidActivation, TanhActivation>.Step(weights.Span, input, today, scratch); } },
            n => { for (int t = 0; t < n; t++) { PairedGateLstm<TanhActivation>.Step(inputSize, weights.Span, input, paired); } });
        return Row("LSTM 5→2", "Vector128", a, b, "paired gates [i i g g][f f o o], same tanh (bit-identical)");
    }

    private static string Lstm<TLanes, TVector, TSizes>(string name, int rounds)
        where TLanes : struct, ILanes<TVector>
        where TVector : struct
        where TSizes : struct, ILayerSizes
    {
        int lanes = TLanes.Count;
        ReadOnlyMemory<float> weights = Aligned(PackedWeights(TSizes.InputSize, TSizes.Units, 4, lanes));
        float[] input = Values(TSizes.InputSize, 5);
        float[] a = new float[2 * TSizes.Units], b = new float[2 * TSizes.Units], scratch = new float[(((TSizes.Units + lanes - 1) / lanes) + 9) * lanes];
        (double today, double variant) = Compare(
            rounds,
            n => { for (int t = 0; t < n; t++) { LstmKernel<TLanes, TVector, TSizes, SigmoidActivation, TanhActivation>.Step(weights.Span, input, a, scratch); } },
            n => { for (int t = 0; t < n; t++) { LstmKernel<TLanes, TVector, TSizes, LatencySigmoid, LatencyTanh>.Step(weights.Span, input, b, scratch); } });
        if (lanes == 4)
        {
            // The paired-gate layout with the short-chain tanh: both changes at once, at 5→2.
            float[] c = new float[4];
            (double again, double both) = Compare(
                rounds,
                n => { for (int t = 0; t < n; t++) { LstmKernel<TLanes, TVector, TSizes, SigmoidActivation, TanhActivation>.Step(weights.Span, input, a, scratch); } },
                n => { for (int t = 0; t < n; t++) { PairedGateLstm<LatencyTanh>.Step(TSizes.InputSize, weights.Span, input, c); } });
            return Row(name, PathName(lanes), today, variant, "short-chain tanh") + Environment.NewLine + Row(name, PathName(lanes), again, both, "paired gates + short-chain tanh");
        }

        return Row(name, PathName(lanes), today, variant, "short-chain tanh");
    }

    private static string Gru<TLanes, TVector, TSizes>(string name, int rounds)
        where TLanes : struct, ILanes<TVector>
        where TVector : struct
        where TSizes : struct, ILayerSizes
    {
        int lanes = TLanes.Count;
        ReadOnlyMemory<float> weights = Aligned(PackedWeights(TSizes.InputSize, TSizes.Units, 3, lanes));
        float[] input = Values(TSizes.InputSize, 5);
        float[] a = new float[TSizes.Units], b = new float[TSizes.Units], scratch = new float[(((TSizes.Units + lanes - 1) / lanes) + 9) * lanes];
        (double today, double variant) = Compare(
            rounds,
            n => { for (int t = 0; t < n; t++) { GruKernel<TLanes, TVector, TSizes, SigmoidActivation, TanhActivation>.Step(weights.Span, input, a, scratch); } },
            n => { for (int t = 0; t < n; t++) { GruKernel<TLanes, TVector, TSizes, LatencySigmoid, LatencyTanh>.Step(weights.Span, input, b, scratch); } });
        return Row(name, PathName(lanes), today, variant, "short-chain tanh");
    }

    private static (double A, double B) Compare(int rounds, Action<int> a, Action<int> b)
    {
        a(2000);
        b(2000);
        var clock = Stopwatch.StartNew();
        a(2000);
        int steps = Math.Max(1000, (int)(RoundMilliseconds * 1e6 / (clock.Elapsed.TotalNanoseconds / 2000)));
        var timesA = new double[rounds];
        var timesB = new double[rounds];
        for (int round = 0; round < rounds; round++)
        {
            bool aFirst = round % 2 == 0;
            (aFirst ? timesA : timesB)[round] = Time(aFirst ? a : b, steps);
            (aFirst ? timesB : timesA)[round] = Time(aFirst ? b : a, steps);
        }

        return (Median(timesA), Median(timesB));
    }

    private static double Time(Action<int> run, int steps)
    {
        var clock = Stopwatch.StartNew();
        run(steps);
        return clock.Elapsed.TotalNanoseconds / steps;
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string Row(string name, string path, double a, double b, string variant) =>
        $"| {name} | {path} | {a:F1} | {b:F1} | {variant} | {a / b:F2} |";

    private static string PathName(int lanes) => $"Vector{lanes * 32}";

    // Lane-packed weights of the runtime's layout (blocks of `lanes` units, rows of gates × lanes, padding lanes zero),
    // plus the GRU's candidate recurrent bias per block; values small enough that activations stay in their curved range.
    private static float[] PackedWeights(int inputSize, int units, int gates, int lanes)
    {
        int blocks = (units + lanes - 1) / lanes;
        int rows = inputSize + units + 1;
        int blockLength = (rows * gates * lanes) + (gates == 3 ? lanes : 0);
        var random = new Random(7);
        var packed = new float[blocks * blockLength];
        for (int block = 0; block < blocks; block++)
        {
            for (int at = 0; at < blockLength; at++)
            {
                int lane = at % lanes;
                if ((block * lanes) + lane < units)
                {
                    packed[(block * blockLength) + at] = (float)(random.NextDouble() - 0.5) * 0.4f;
                }
            }
        }

        return packed;
    }

    // 64-byte aligned, as models hold their weights (WeightSlot): alignment moved timings by up to 25 % (benchmarks/README.md).
    private static ReadOnlyMemory<float> Aligned(float[] values)
    {
        Weights.WeightSlot slot = Weights.WeightSlot.CopyOf(values);
        return new ReadOnlyMemory<float>(slot.Array, slot.Offset, slot.Length);
    }

    private static float[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
    }

    private struct Sizes5x2 : ILayerSizes { public static int InputSize => 5; public static int Units => 2; }

    private struct Sizes1x16 : ILayerSizes { public static int InputSize => 1; public static int Units => 16; }

    private struct Sizes1x40 : ILayerSizes { public static int InputSize => 1; public static int Units => 40; }

    private struct Sizes8x32 : ILayerSizes { public static int InputSize => 8; public static int Units => 32; }

    private struct Sizes64x128 : ILayerSizes { public static int InputSize => 64; public static int Units => 128; }

    private struct Sizes128x256 : ILayerSizes { public static int InputSize => 128; public static int Units => 256; }
}
