using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;

namespace RnnGen.Benchmarks;

/// <summary>
/// dotnet run -c Release --project benchmarks/RnnGen.Benchmarks -- [BenchmarkDotNet arguments]   (e.g. --filter '*')
///   --verify            every implementation against RnnGen on every model (also done in each benchmark's setup)
///   --summary [folder]  the markdown tables from the JSON reports in benchmarks/results/results (see benchmarks/README.md)
///   --batch-summary [folder]  the StepBatch table from benchmarks/results/batch/results
///   --fma-peak          the roofline loop under a Stopwatch, for reading its code with DOTNET_JitDisasm=Loop
///   --vs-rtneural [--rounds N]  RnnGen Step beside RTNeural and ONNX Runtime, alternating rounds in one run (SideBySide/)
///   --experiment small-layers [--rounds N]  same-run A/B of the small-layer and activation-latency variants (Experiments/)
/// </summary>
public static class Program
{
    public static readonly Type[] GenericBenchmarks = [typeof(LstmBenchmarks<,>), typeof(GruBenchmarks<,>), typeof(SimpleRnnBenchmarks<,>)];

    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "--verify":
                return Verify();
            case "--summary":
                return SummaryTables.Write(args.Length > 1 ? args[1] : null);
            case "--batch-summary":
                return BatchSummaryTables.Write(args.Length > 1 ? args[1] : null);
            case "--fma-peak":
                return FmaPeakOnce();
            case "--vs-rtneural":
                return SideBySideRunner.Run(args);
            case "--experiment" when args.ElementAtOrDefault(1) == "small-layers":
                return Experiments.SmallLayerExperiment.Run(args);
            default:
                foreach (BenchmarkDotNet.Reports.Summary summary in BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create(args)))
                {
                    ReportNames.TidyFolder(summary.ResultsDirectoryPath);
                }

                return 0;
        }
    }

    /// <summary>Every closed benchmark type, in the order the attributes list them.</summary>
    public static IEnumerable<Type> BenchmarkTypes() =>
        GenericBenchmarks.SelectMany(definition => definition.GetCustomAttributes<GenericTypeArgumentsAttribute>()
            .Select(arguments => definition.MakeGenericType(arguments.GenericTypeArguments)));

    private static int Verify()
    {
        int passed = 0;
        int failed = 0;
        foreach (Type type in BenchmarkTypes())
        {
            object benchmarks = Activator.CreateInstance(type)!;
            try
            {
                type.GetMethod("Setup")!.Invoke(benchmarks, null);
                Console.WriteLine("ok   " + type.GetProperty("Verification")!.GetValue(benchmarks));
                passed++;
            }
            catch (TargetInvocationException e)
            {
                Console.WriteLine("FAIL " + type.GetGenericArguments()[0].Name + ": " + e.InnerException?.Message);
                failed++;
            }
            finally
            {
                type.GetMethod("Cleanup")!.Invoke(benchmarks, null);
            }
        }

        Console.WriteLine($"verify: {passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private static int FmaPeakOnce()
    {
        FmaPeak.Run(1000);
        for (int round = 0; round < 5; round++)
        {
            var watch = Stopwatch.StartNew();
            float result = FmaPeak.Run(FmaPeak.Iterations * 100);
            double seconds = watch.Elapsed.TotalSeconds;
            double fmas = (double)FmaPeak.Iterations * 100 * FmaPeak.Accumulators;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FMA peak ({FmaPeak.Width}): {fmas * FmaPeak.FlopsPerFma / seconds / 1e9:F1} GFLOP/s ({fmas / seconds / 1e9:F2} G FMA instructions/s) [{result}]"));
        }

        return 0;
    }
}
