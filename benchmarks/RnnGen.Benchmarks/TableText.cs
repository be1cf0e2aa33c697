using System;
using System.Globalization;

namespace RnnGen.Benchmarks;

/// <summary>How the summary tables write numbers: invariant culture, times in ns or µs, a dash where a row is missing.</summary>
public static class TableText
{
    public static string Ns(double? ns) => ns switch
    {
        null => "–",
        >= 10_000 => Invariant($"{ns / 1000:F1} µs"),
        >= 100 => Invariant($"{ns:F0} ns"),
        _ => Invariant($"{ns:F1} ns"),
    };

    public static string Bytes(double? bytes) => bytes is null ? "–" : Invariant($"{bytes:0.##}");

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
