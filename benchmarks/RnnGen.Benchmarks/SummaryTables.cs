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
/// --summary: turns BenchmarkDotNet's JSON reports (*-report-brief.json) into one markdown table per kind, printed and
/// written to summary.md beside the reports' folder. A later report of the same benchmark replaces an earlier one.
/// </summary>
public static partial class SummaryTables
{
    private static readonly string[] s_kinds = ["Lstm", "Gru", "SimpleRnn"];

    public static int Write(string? folder)
    {
        folder ??= Path.Combine(BenchConfig.ResultsFolder(), "results");
        if (!Directory.Exists(folder))
        {
            Console.Error.WriteLine($"summary: no folder {folder}; run the benchmarks first (benchmarks/README.md).");
            return 1;
        }

        // (model or "Roofline", method) -> (median ns per operation, allocated bytes per operation)
        var rows = new Dictionary<(string Model, string Method), (double Median, double? Allocated)>();
        foreach (BenchmarkReport report in BenchmarkReports.Read(folder))
        {
            Match model = ModelName().Match(report.FullName);
            string key = report.Method == "Roofline_FmaPeak" ? "Roofline" : model.Success ? model.Value : report.FullName;
            rows[(key, report.Method)] = (report.Median, report.Allocated);
        }

        double? peak = rows.TryGetValue(("Roofline", "Roofline_FmaPeak"), out var roofline) ? FmaPeak.FlopsPerFma / roofline.Median : null;
        var text = new StringBuilder();
        text.AppendLine("# RnnGen benchmarks: time per step");
        text.AppendLine();
        text.AppendLine(peak is null
            ? "Measured FMA peak: not in these reports (run RooflineBenchmarks), so no % of peak."
            : Invariant($"Measured FMA peak of one core (Roofline_FmaPeak, {FmaPeak.Width} FMA, the widest register this machine accelerates): **{peak:F1} GFLOP/s**."));
        text.AppendLine();
        text.AppendLine("Times are medians in ns per time step (the T100 benchmarks divide one call by 100). Ratios are how many times faster RnnGen's Step is. GFLOP/s counts a multiply-add as 2 FLOP: LSTM 2·4·H·(I+H), GRU 2·3·H·(I+H), SimpleRNN 2·H·(I+H) per step. Allocated: managed bytes per step. Path: the vector path RnnGen models take on this machine by default (`VectorPaths.Best`; the benchmarks can force another with RNNGEN_BENCH_PATH).");
        foreach (string kind in s_kinds)
        {
            var models = rows.Keys.Select(k => k.Model).Where(m => ModelName().Match(m) is { Success: true } match && match.Groups[1].Value == kind)
                .Distinct().OrderBy(m => Size(m).Units).ThenBy(m => Size(m).Input).ToList();
            if (models.Count == 0)
            {
                continue;
            }

            int gates = kind switch { "Lstm" => 4, "Gru" => 3, _ => 1 };
            text.AppendLine();
            text.AppendLine("## " + kind);
            text.AppendLine();
            text.AppendLine("| I→H | Path | RnnGen Step | RnnGen Run /step | Reference cell | TensorPrimitives | ORT Step | ORT Sequence /step | ORT Step ÷ RnnGen Step | TensorPrimitives ÷ RnnGen Step | RnnGen Step GFLOP/s | % of FMA peak | Allocated B/step: RnnGen Step, Run | ORT Step, Sequence |");
            text.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            foreach (string model in models)
            {
                (int input, int units) = Size(model);
                double flops = 2.0 * gates * units * (input + units);
                double? Median(string method) => rows.TryGetValue((model, method), out var row) ? row.Median : null;
                double? Allocated(string method) => rows.TryGetValue((model, method), out var row) ? row.Allocated : null;
                double? step = Median("RnnGen_Step");
                double? onnx = Median("OnnxRuntime_Step");
                double? baseline = Median("TensorPrimitives_baseline");
                double? gflops = step is null ? null : flops / step;
                text.Append(Invariant($"| {input}→{units} "))
                    .Append("| ").Append(Kernels.VectorPaths.Best).Append(' ')
                    .Append("| ").Append(Ns(step)).Append(' ')
                    .Append("| ").Append(Ns(Median("RnnGen_Run_T100"))).Append(' ')
                    .Append("| ").Append(Ns(Median("Scalar_reference"))).Append(' ')
                    .Append("| ").Append(Ns(baseline)).Append(' ')
                    .Append("| ").Append(Ns(onnx)).Append(' ')
                    .Append("| ").Append(Ns(Median("OnnxRuntime_Sequence_T100"))).Append(' ')
                    .Append("| ").Append(Ratio(onnx, step)).Append(' ')
                    .Append("| ").Append(Ratio(baseline, step)).Append(' ')
                    .Append("| ").Append(gflops is null ? "–" : Invariant($"{gflops:F2}")).Append(' ')
                    .Append("| ").Append(gflops is null || peak is null ? "–" : Invariant($"{100 * gflops / peak:F1} %")).Append(' ')
                    .Append("| ").Append(Bytes(Allocated("RnnGen_Step"))).Append(", ").Append(Bytes(Allocated("RnnGen_Run_T100"))).Append(' ')
                    .Append("| ").Append(Bytes(Allocated("OnnxRuntime_Step"))).Append(", ").Append(Bytes(Allocated("OnnxRuntime_Sequence_T100"))).AppendLine(" |");
            }

            var allocating = models.SelectMany(m => new[] { "Scalar_reference", "TensorPrimitives_baseline" }.Select(method => (m, method)))
                .Where(k => rows.TryGetValue(k, out var row) && row.Allocated > 0).ToList();
            if (allocating.Count > 0)
            {
                text.AppendLine().AppendLine("Also allocating: " + string.Join(", ", allocating.Select(k => Invariant($"{k.m}.{k.method} {rows[k].Allocated} B"))));
            }
        }

        string output = text.ToString();
        Console.Write(output);
        string path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))!, "summary.md");
        File.WriteAllText(path, output);
        Console.Error.WriteLine("summary: written to " + path);
        return 0;
    }

    [GeneratedRegex(@"(Lstm|Gru|SimpleRnn)(\d+)x(\d+)")]
    private static partial Regex ModelName();

    private static (int Input, int Units) Size(string model)
    {
        Match match = ModelName().Match(model);
        return (int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    private static string Ratio(double? other, double? rnnGen) => other is null || rnnGen is null ? "–" : Invariant($"{other / rnnGen:F1}×");

}
