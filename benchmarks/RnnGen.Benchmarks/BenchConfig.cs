using System;
using System.IO;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace RnnGen.Benchmarks;

/// <summary>
/// One out-of-process job, shorter than BenchmarkDotNet's default so the whole suite fits in about 20 minutes on a
/// 2-core machine: 3 warmup and 10 measured iterations of about 0.5 s each, one launch. Marked as the default job, so
/// a command-line --job (e.g. Dry) replaces it. Reports go to benchmarks/results/ unless --artifacts says otherwise.
/// </summary>
public static class BenchConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithIterationTime(TimeInterval.FromMilliseconds(500))
                .WithId("Short")
                .AsDefault())
            .AddColumn(new StepsColumn(), new GflopsColumn())
            .AddExporter(JsonExporter.Brief)
            .WithArtifactsPath(ResultsFolder());

    /// <summary>benchmarks/results of the repository around the working folder, else BenchmarkDotNet's default folder.</summary>
    public static string ResultsFolder()
    {
        for (DirectoryInfo? folder = new(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RnnGen.sln")))
            {
                return Path.Combine(folder.FullName, "benchmarks", "results");
            }
        }

        return Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts");
    }
}
