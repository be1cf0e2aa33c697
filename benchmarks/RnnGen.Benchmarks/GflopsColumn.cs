using System.Globalization;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RnnGen.Benchmarks;

/// <summary>
/// GFLOP/s = FLOP per operation / mean ns per operation, where the benchmark class declares a static
/// <c>FlopsPerOperation</c> (a recurrent step: 2·G·H·(I+H); the roofline: 2 per lane of one FMA on the widest register),
/// times the Streams parameter of the batch benchmarks.
/// </summary>
public sealed class GflopsColumn() : CustomColumn(nameof(GflopsColumn), "GFLOP/s", 0, true)
{
    public override string Legend => "FLOP per operation (one time step; one FMA for the roofline) / mean time per operation";

    public static long? FlopsPerOperation(System.Type type) =>
        type.GetProperty("FlopsPerOperation", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)?.GetValue(null) as long?;

    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        long? flops = FlopsPerOperation(benchmarkCase.Descriptor.Type) * PerStreamColumn.Streams(benchmarkCase);
        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return flops is null || mean is null or <= 0 ? "-" : (flops.Value / mean.Value).ToString("0.00", CultureInfo.InvariantCulture);
    }
}

/// <summary>Says how a row's time maps to time steps: "1 call" or "1/100 call" (OperationsPerInvoke).</summary>
public sealed class StepsColumn() : CustomColumn(nameof(StepsColumn), "Time per", 1, false)
{
    public override string Legend => "What one operation (each time column) is: a time step, or for the roofline one FMA on the widest accelerated register";

    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        int perInvoke = benchmarkCase.Descriptor.OperationsPerInvoke;
        if (benchmarkCase.Descriptor.Type == typeof(RooflineBenchmarks))
        {
            return string.Create(CultureInfo.InvariantCulture, $"1 {FmaPeak.Width} FMA ({FmaPeak.FlopsPerFma} FLOP)");
        }

        if (benchmarkCase.Parameters.Items.Any(item => item.Name == "Streams"))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{PerStreamColumn.Streams(benchmarkCase)} stream-steps (1 call)");
        }

        return perInvoke == 1 ? "step (1 call)" : string.Create(CultureInfo.InvariantCulture, $"step (1/{perInvoke} call)");
    }
}

/// <summary>The batch benchmarks' time per stream-step: median time of one call / the Streams parameter.</summary>
public sealed class PerStreamColumn() : CustomColumn(nameof(PerStreamColumn), "ns/stream-step", 2, true)
{
    public override string Legend => "Median time of one call divided by the streams it steps (batch benchmarks only)";

    /// <summary>The Streams parameter of a batch benchmark, 1 for every other.</summary>
    public static int Streams(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters.Items.FirstOrDefault(item => item.Name == "Streams")?.Value as int? ?? 1;

    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? median = summary[benchmarkCase]?.ResultStatistics?.Median;
        bool batch = benchmarkCase.Parameters.Items.Any(item => item.Name == "Streams");
        return !batch || median is null ? "-" : (median.Value / Streams(benchmarkCase)).ToString("0.0", CultureInfo.InvariantCulture);
    }
}

/// <summary>What every custom column here shares: always shown, in the custom category, no unit.</summary>
public abstract class CustomColumn(string id, string columnName, int priority, bool numeric) : IColumn
{
    public string Id => id;

    public string ColumnName => columnName;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => priority;

    public bool IsNumeric => numeric;

    public UnitType UnitType => UnitType.Dimensionless;

    public abstract string Legend { get; }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public abstract string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
