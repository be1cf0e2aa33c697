using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using RnnGen.Kernels;

namespace RnnGen.Benchmarks;

/// <summary>
/// RnnGen's streamed <c>Step</c> beside RTNeural's <c>ModelT::forward</c> and ONNX Runtime's one-step session, for the
/// same LSTM / GRU models, weights and inputs, in one run on one machine: <c>--vs-rtneural</c>.
/// Noise handling: every model gets a warm-up (which also lets the JIT reach its optimised tier), then R rounds in
/// which each implementation runs about 60 ms of steps, the order alternating every round (RTNeural, RnnGen, ONNX
/// Runtime; then the reverse) so slow drifts of a shared machine hit all sides alike. The table gives each side's
/// median ns per step and the median of the per-round ratios. Before timing, the first two steps of every
/// implementation must agree with RnnGen's within 1e-5 (the same model is being timed).
/// </summary>
public static class SideBySideRunner
{
    private const int InputSteps = 1024; // the C++ harness cycles through the same 1024 input vectors
    private const double RoundMilliseconds = 60;

    public static int Run(string[] args)
    {
        int rounds = Option(args, "--rounds", 15);
        string repository = Repository();
        using RtNeuralHarness? rtneural = RtNeuralHarness.Start(repository, out string why);
        if (rtneural is null)
        {
            Console.WriteLine(why);
            Console.WriteLine("RTNeural is skipped: the table has RnnGen and ONNX Runtime only.");
        }

        double peak = FmaPeakGflops();
        var rows = new List<Row>
        {
            Measure<Lstm5x2, Lstm5x2.State>("lstm_5x2", rtneural, rounds),
            Measure<Lstm1x16, Lstm1x16.State>("lstm_1x16", rtneural, rounds),
            Measure<Lstm1x40, Lstm1x40.State>("lstm_1x40", rtneural, rounds),
            Measure<Lstm8x32, Lstm8x32.State>("lstm_8x32", rtneural, rounds),
            Measure<Lstm64x128, Lstm64x128.State>("lstm_64x128", rtneural, rounds),
            Measure<Lstm128x256, Lstm128x256.State>("lstm_128x256", rtneural, rounds),
            Measure<Gru5x2, Gru5x2.State>("gru_5x2", rtneural, rounds),
            Measure<Gru1x16, Gru1x16.State>("gru_1x16", rtneural, rounds),
            Measure<Gru1x40, Gru1x40.State>("gru_1x40", rtneural, rounds),
            Measure<Gru8x32, Gru8x32.State>("gru_8x32", rtneural, rounds),
            Measure<Gru64x128, Gru64x128.State>("gru_64x128", rtneural, rounds),
            Measure<Gru128x256, Gru128x256.State>("gru_128x256", rtneural, rounds),
        };
        peak = Math.Max(peak, FmaPeakGflops());

        string table = Table(rows, peak, rounds, rtneural is not null);
        Console.WriteLine(table);
        string folder = Path.Combine(repository, "benchmarks", "results", "side-by-side");
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmm}-{CpuDescription.Slug()}{PathSuffix()}.md");
        File.WriteAllText(file, table);
        Console.WriteLine("wrote " + Path.GetRelativePath(repository, file));
        return 0;
    }

    private static Row Measure<TModel, TState>(string id, RtNeuralHarness? rtneural, int rounds)
        where TModel : struct, IBenchModel<TModel, TState>
        where TState : struct
    {
        LayerShape layer = TModel.LayerShapes[0];
        TModel model = BenchModels.Create<TModel, TState>();
        float[] inputs = BenchWeights.Inputs(layer, InputSteps * layer.InputSize);
        var output = new float[layer.Units];
        using var onnx = new OnnxRecurrentSession(OnnxRecurrentSession.ModelPath(layer), layer, 1);
        Verify<TModel, TState>(id, ref model, inputs, layer, rtneural, onnx);

        var state = default(TState);
        bool withRtNeural = rtneural is not null && rtneural.Models.Contains(id);
        long steps = StepsPerRound(() => TimeRnnGen<TModel, TState>(ref model, ref state, inputs, layer.InputSize, output, 2000));
        long onnxSteps = StepsPerRound(() => TimeOnnx(onnx, inputs, layer.InputSize, 200));
        long rtSteps = withRtNeural ? StepsPerRound(() => rtneural!.Time(id, 2000)) : 0;

        // Warm-up: half a second each (the JIT's optimised tier for RnnGen, caches and clocks for all).
        for (int i = 0; i < 8; i++)
        {
            TimeRnnGen(ref model, ref state, inputs, layer.InputSize, output, steps);
            TimeOnnx(onnx, inputs, layer.InputSize, onnxSteps);
            if (withRtNeural)
            {
                rtneural!.Time(id, rtSteps);
            }
        }

        var rnngen = new List<double>();
        var rt = new List<double>();
        var ort = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            var sides = new List<Action>
            {
                () => { if (withRtNeural) { rt.Add(rtneural!.Time(id, rtSteps)); } },
                () => rnngen.Add(TimeRnnGen(ref model, ref state, inputs, layer.InputSize, output, steps)),
                () => ort.Add(TimeOnnx(onnx, inputs, layer.InputSize, onnxSteps)),
            };
            if (round % 2 == 1)
            {
                sides.Reverse();
            }

            sides.ForEach(side => side());
        }

        Console.WriteLine($"{id}: RnnGen {Median(rnngen):F1} ns, RTNeural {(withRtNeural ? Median(rt).ToString("F1", CultureInfo.InvariantCulture) : "-")} ns, ONNX Runtime {Median(ort):F0} ns per step");
        return new Row(id, layer, model.VectorPath, rnngen, rt, ort);
    }

    /// <summary>Every implementation's first two steps from the zero state against RnnGen's (within 1e-5).</summary>
    private static void Verify<TModel, TState>(string id, ref TModel model, float[] inputs, LayerShape layer, RtNeuralHarness? rtneural, OnnxRecurrentSession onnx)
        where TModel : struct, IBenchModel<TModel, TState>
        where TState : struct
    {
        var state = default(TState);
        var expected = new float[2 * layer.Units];
        onnx.Reset();
        var fromOnnx = new float[2 * layer.Units];
        for (int t = 0; t < 2; t++)
        {
            model.Step(inputs.AsSpan(t * layer.InputSize, layer.InputSize), ref state, expected.AsSpan(t * layer.Units, layer.Units));
            inputs.AsSpan(t * layer.InputSize, layer.InputSize).CopyTo(onnx.X);
            onnx.Run();
            onnx.Y.AsSpan(0, layer.Units).CopyTo(fromOnnx.AsSpan(t * layer.Units));
        }

        onnx.Reset();
        Compare(id, "ONNX Runtime", expected, fromOnnx);
        if (rtneural is not null && rtneural.Models.Contains(id))
        {
            Compare(id, "RTNeural", expected, rtneural.Check(id, 2));
        }
    }

    private static void Compare(string id, string who, float[] expected, float[] actual)
    {
        double worst = actual.Length == expected.Length ? expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max() : double.PositiveInfinity;
        if (!(worst <= 1e-5))
        {
            throw new InvalidOperationException($"{id}: {who} differs from RnnGen by {worst:E2} on the first two steps: not the same model");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double TimeRnnGen<TModel, TState>(ref TModel model, ref TState state, float[] inputs, int inputSize, float[] output, long steps)
        where TModel : struct, IBenchModel<TModel, TState>
        where TState : struct
    {
        long start = Stopwatch.GetTimestamp();
        int t = 0;
        for (long i = 0; i < steps; i++)
        {
            model.Step(inputs.AsSpan(t * inputSize, inputSize), ref state, output);
            t = t == InputSteps - 1 ? 0 : t + 1;
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / steps;
    }

    private static double TimeOnnx(OnnxRecurrentSession onnx, float[] inputs, int inputSize, long steps)
    {
        long start = Stopwatch.GetTimestamp();
        int t = 0;
        for (long i = 0; i < steps; i++)
        {
            inputs.AsSpan(t * inputSize, inputSize).CopyTo(onnx.X);
            onnx.Run();
            t = t == InputSteps - 1 ? 0 : t + 1;
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / steps;
    }

    /// <summary>Steps that take about <see cref="RoundMilliseconds"/>, from a probe's ns per step.</summary>
    private static long StepsPerRound(Func<double> probe)
    {
        probe();
        double nanoseconds = probe();
        return Math.Max(100, (long)(RoundMilliseconds * 1e6 / Math.Max(nanoseconds, 1)));
    }

    /// <summary>The best of five 12-chain FMA runs on the widest accelerated register, in GFLOP/s.</summary>
    private static double FmaPeakGflops()
    {
        FmaPeak.Run(1000);
        double best = 0;
        for (int i = 0; i < 5; i++)
        {
            long start = Stopwatch.GetTimestamp();
            FmaPeak.Run(FmaPeak.Iterations * 20);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            best = Math.Max(best, (double)FmaPeak.FlopsPerFma * FmaPeak.Accumulators * FmaPeak.Iterations * 20 / seconds / 1e9);
        }

        return best;
    }

    private static string Table(List<Row> rows, double peak, int rounds, bool withRtNeural)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Side by side: RnnGen Step, RTNeural, ONNX Runtime\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {CpuDescription.Text()}, .NET {Environment.Version}, RnnGen's widest path {VectorPaths.Describe(VectorPaths.Best)}{PathNote()} (each model's path column: the width measured fastest for its layer); ");
        text.Append(withRtNeural ? "RTNeural (Eigen, g++ -O3 -march=x86-64-v3, alignment 32) " : "RTNeural skipped (headers absent) ");
        text.Append(CultureInfo.InvariantCulture, $"and ONNX Runtime (1 thread) in one process run; {rounds} alternating rounds of about {RoundMilliseconds} ms per side and model; medians; FMA peak {peak:F1} GFLOP/s.\n\n");
        text.Append("| model (input→units) | RnnGen path | RnnGen Step ns | RTNeural ns | RTNeural ÷ RnnGen | ONNX Runtime ns | ORT ÷ RnnGen | RnnGen GFLOP/s (% of peak) |\n");
        text.Append("|---|---|--:|--:|--:|--:|--:|--:|\n");
        foreach (Row row in rows)
        {
            double rnngen = Median(row.RnnGen);
            double flops = 2.0 * row.Layer.Gates * row.Layer.Units * (row.Layer.InputSize + row.Layer.Units);
            string rt = row.RtNeural.Count > 0 ? Median(row.RtNeural).ToString("F1", CultureInfo.InvariantCulture) : "-";
            string ratio = row.RtNeural.Count > 0 ? MedianRatio(row.RtNeural, row.RnnGen).ToString("F2", CultureInfo.InvariantCulture) + "×" : "-";
            text.Append(CultureInfo.InvariantCulture, $"| {(row.Layer.Kind == LayerKind.Lstm ? "LSTM" : "GRU")} {row.Layer.InputSize}→{row.Layer.Units} | {row.Path} | {rnngen:F1} | {rt} | {ratio} | {Median(row.Onnx):F0} | {MedianRatio(row.Onnx, row.RnnGen):F1}× | {flops / rnngen:F2} ({100 * flops / rnngen / peak:F1} %) |\n");
        }

        text.Append("\nRnnGen's path per layer, measured when each model was created (PathCalibration.Report):\n\n```\n").Append(PathCalibration.Report).Append("\n```\n");
        return text.ToString();
    }

    private static double Median(List<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The median over rounds of baseline ÷ RnnGen (the two sides of a round ran back to back).</summary>
    private static double MedianRatio(List<double> baseline, List<double> rnngen) =>
        Median(baseline.Zip(rnngen, (b, r) => b / r).ToList());

    private static string PathNote() => Environment.GetEnvironmentVariable("RNNGEN_BENCH_PATH") is { Length: > 0 } forced ? $", forced to {forced} by RNNGEN_BENCH_PATH" : string.Empty;

    private static string PathSuffix() => Environment.GetEnvironmentVariable("RNNGEN_BENCH_PATH") is { Length: > 0 } forced ? "-" + forced.ToLowerInvariant() : string.Empty;

    internal static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : fallback;
    }

    internal static string Repository()
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "RnnGen.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("RnnGen.sln not found above the working folder");
    }

    private sealed record Row(string Id, LayerShape Layer, VectorPath Path, List<double> RnnGen, List<double> RtNeural, List<double> Onnx);
}
