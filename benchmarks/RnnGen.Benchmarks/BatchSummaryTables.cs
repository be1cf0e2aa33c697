using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

using static RnnGen.Benchmarks.TableText;

namespace RnnGen.Benchmarks;

/// <summary>
/// --batch-summary: the batch benchmarks' JSON reports (and the roofline of the same run) as one markdown table of
/// time per stream-step, written to batch-summary.md beside the reports' folder. Kept apart from summary.md so every
/// ratio in a table compares numbers from one run.
/// </summary>
public static partial class BatchSummaryTables
{
    private static readonly string[] s_methods = ["Step_each", "StepBatch", "StepBatch_2threads"];

    public static int Write(string? folder)
    {
        folder ??= Path.Combine(BenchConfig.ResultsFolder(), "batch", "results");
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"batch summary: no folder {folder}; run the batch benchmarks first (benchmarks/README.md).");
            return 1;
        }

        // (model, streams, method) -> (median ns per call, allocated bytes per call); roofline -> median ns per FMA
        var rows = new Dictionary<(string Model, int Streams, string Method), (double Median, double? Allocated)>();
        double? fmaNs = null;
        foreach (BenchmarkReport report in BenchmarkReports.Read(folder))
        {
            if (report.Method == "Roofline_FmaPeak")
            {
                fmaNs = report.Median;
                continue;
            }

            Match model = ModelName().Match(report.FullName);
            Match streams = StreamsParameter().Match(report.Parameters);
            if (model.Success && streams.Success && s_methods.Contains(report.Method))
            {
                rows[(model.Value, int.Parse(streams.Groups[1].Value, CultureInfo.InvariantCulture), report.Method)] = (report.Median, report.Allocated);
            }
        }

        double? peak = fmaNs is null ? null : FmaPeak.FlopsPerFma / fmaNs;
        var text = new StringBuilder();
        text.AppendLine("# RnnGen benchmarks: many streams (StepBatch)");
        text.AppendLine();
        text.AppendLine(peak is null
            ? "Measured FMA peak: not in these reports (run RooflineBenchmarks with them), so no % of peak."
            : Invariant($"Measured FMA peak of one core in the same run (Roofline_FmaPeak, {FmaPeak.Width} FMA): **{peak:F1} GFLOP/s**."));
        text.AppendLine();
        text.AppendLine("ns per stream-step = median time of one call / N. N × Step: N generated `Step` calls, each stream with its own `State`. Speed-up = (N × Step) ÷ StepBatch. GFLOP/s and % of peak: StepBatch on one thread, FLOP per stream-step = 2·G·H·(I+H) (a multiply-add counts 2). 2 threads: `StepBatch(…, BatchWorkers)` with a second thread forced (`minWorkPerThread: 1`); the last column is its speed-up over one thread. Allocated: managed bytes per call, calling thread (MemoryDiagnoser).");
        text.AppendLine();
        text.AppendLine("| Model | N | N × Step | StepBatch | Speed-up | GFLOP/s | % of peak | 2 threads | 2 threads ÷ 1 | Allocated B/call: Step ×N, StepBatch, 2 threads |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (string model in rows.Keys.Select(k => k.Model).Distinct().OrderBy(m => m.StartsWith("Lstm", StringComparison.Ordinal) ? 0 : 1).ThenBy(m => Size(m).Units))
        {
            (int input, int units, int gates) = Size(model);
            double flops = 2.0 * gates * units * (input + units);
            foreach (int streams in rows.Keys.Where(k => k.Model == model).Select(k => k.Streams).Distinct().Order())
            {
                double? PerStream(string method) => rows.TryGetValue((model, streams, method), out var row) ? row.Median / streams : null;
                string Allocated(string method) => Bytes(rows.TryGetValue((model, streams, method), out var row) ? row.Allocated : null);
                double? each = PerStream("Step_each");
                double? batch = PerStream("StepBatch");
                double? threads = PerStream("StepBatch_2threads");
                double? gflops = batch is null ? null : flops / batch;
                text.Append(Invariant($"| {model} | {streams} | {Ns(each)} | {Ns(batch)} | {Ratio(each, batch)} | "))
                    .Append(gflops is null ? "–" : Invariant($"{gflops:F1}")).Append(" | ")
                    .Append(gflops is null || peak is null ? "–" : Invariant($"{100 * gflops / peak:F1} %")).Append(" | ")
                    .Append(Ns(threads)).Append(" | ").Append(Ratio(batch, threads)).Append(" | ")
                    .Append(Allocated("Step_each")).Append(", ").Append(Allocated("StepBatch")).Append(", ").Append(Allocated("StepBatch_2threads")).AppendLine(" |");
            }
        }

        string output = text.ToString();
        Console.Write(output);
        string path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))!, "batch-summary.md");
        File.WriteAllText(path, output);
        Console.Error.WriteLine("batch summary: written to " + path);
        return 0;
    }

    [GeneratedRegex(@"(Lstm|Gru)(\d+)x(\d+)")]
    private static partial Regex ModelName();

    [GeneratedRegex(@"Streams=(\d+)")]
    private static partial Regex StreamsParameter();

    private static (int Input, int Units, int Gates) Size(string model)
    {
        Match match = ModelName().Match(model);
        return (int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture), match.Groups[1].Value == "Lstm" ? 4 : 3);
    }

    private static string Ratio(double? slower, double? faster) => slower is null || faster is null ? "–" : Invariant($"{slower / faster:F2}×");
}
