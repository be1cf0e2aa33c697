using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace RnnGen.Benchmarks;

/// <summary>
/// One out-of-process job, shorter than BenchmarkDotNet's default so the whole suite (109 benchmarks) takes about
/// 15–20 minutes on a 2-core machine: one launch, 3 warmup and 10 measured iterations of about 0.25 s each. A command
/// line that chooses a job (--job Dry, --iterationCount, ...) gets only that job. Reports go to benchmarks/results/
/// unless --artifacts says otherwise.
/// </summary>
public static class BenchConfig
{
    private static readonly string[] s_jobOptions =
        ["--job", "-j", "--runtimes", "-r", "--launchCount", "--warmupCount", "--iterationCount", "--iterationTime", "--minIterationCount", "--maxIterationCount", "--invocationCount", "--unrollFactor", "--strategy", "--inProcess", "-i"];

    public static IConfig Create(string[] args)
    {
        // The default config without its exporters: only GitHub markdown (to read) and brief JSON (for --summary) are kept.
        ManualConfig config = ManualConfig.Create(DefaultConfig.Instance);
        config = ManualConfig.CreateEmpty()
            .AddColumnProvider(config.GetColumnProviders().ToArray())
            .AddLogger(config.GetLoggers().ToArray())
            .AddAnalyser(config.GetAnalysers().ToArray())
            .AddValidator(config.GetValidators().ToArray())
            .AddDiagnoser(config.GetDiagnosers().ToArray())
            .AddColumn(new StepsColumn(), new GflopsColumn(), new PerStreamColumn())
            .AddExporter(MarkdownExporter.GitHub, JsonExporter.Brief)
            .WithOptions(config.Options)
            .WithArtifactsPath(ResultsFolder());

        // BenchmarkDotNet would run a job of the config in addition to one chosen on the command line.
        bool jobOnCommandLine = Array.Exists(args, arg => Array.Exists(s_jobOptions, option => string.Equals(arg, option, StringComparison.OrdinalIgnoreCase)));
        return jobOnCommandLine
            ? config
            : config.AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithIterationTime(TimeInterval.FromMilliseconds(250))
                .WithId("Short"));
    }

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
