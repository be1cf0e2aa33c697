using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RnnGen.Benchmarks;

/// <summary>
/// GFLOP/s = FLOP per operation / mean ns per operation, where the benchmark class declares a static
/// <c>FlopsPerOperation</c> (a recurrent step: 2·G·H·(I+H); the roofline: 2 per lane of one FMA on the widest register).
/// </summary>
public sealed class GflopsColumn : IColumn
{
    public string Id => nameof(GflopsColumn);

    public string ColumnName => "GFLOP/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "FLOP per operation (one time step; one FMA for the roofline) / mean time per operation";

    public static long? FlopsPerOperation(System.Type type) =>
        type.GetProperty("FlopsPerOperation", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)?.GetValue(null) as long?;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        long? flops = FlopsPerOperation(benchmarkCase.Descriptor.Type);
        double? mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return flops is null || mean is null or <= 0 ? "-" : (flops.Value / mean.Value).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Says how a row's time maps to time steps: "1 call" or "1/100 call" (OperationsPerInvoke).</summary>
public sealed class StepsColumn : IColumn
{
    public string Id => nameof(StepsColumn);

    public string ColumnName => "Time per";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "What one operation (each time column) is: a time step, or for the roofline one FMA on the widest accelerated register";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        int perInvoke = benchmarkCase.Descriptor.OperationsPerInvoke;
        if (benchmarkCase.Descriptor.Type == typeof(RooflineBenchmarks))
        {
            return string.Create(CultureInfo.InvariantCulture, $"1 {FmaPeak.Width} FMA ({FmaPeak.FlopsPerFma} FLOP)");
        }

        return perInvoke == 1 ? "step (1 call)" : string.Create(CultureInfo.InvariantCulture, $"step (1/{perInvoke} call)");
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
