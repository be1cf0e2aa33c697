using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace RnnGen.Benchmarks;

/// <summary>One measured benchmark from BenchmarkDotNet's brief JSON report.</summary>
public sealed record BenchmarkReport(string Method, string FullName, string Parameters, double Median, double? Allocated);

/// <summary>Reads every *-report-brief.json of a folder, oldest first (a later report of a benchmark comes later); skips failed benchmarks.</summary>
public static class BenchmarkReports
{
    public static IEnumerable<BenchmarkReport> Read(string folder)
    {
        foreach (string file in Directory.GetFiles(folder, "*-report-brief.json").OrderBy(File.GetLastWriteTimeUtc))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (JsonElement benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                if (!benchmark.TryGetProperty("Statistics", out JsonElement statistics) || statistics.ValueKind != JsonValueKind.Object)
                {
                    continue; // failed benchmark
                }

                double? allocated = benchmark.TryGetProperty("Memory", out JsonElement memory) && memory.TryGetProperty("BytesAllocatedPerOperation", out JsonElement bytes)
                    ? bytes.GetDouble()
                    : null;
                yield return new BenchmarkReport(
                    benchmark.GetProperty("Method").GetString() ?? string.Empty,
                    benchmark.GetProperty("FullName").GetString() ?? string.Empty,
                    benchmark.GetProperty("Parameters").GetString() ?? string.Empty,
                    statistics.GetProperty("Median").GetDouble(),
                    allocated);
            }
        }
    }
}
