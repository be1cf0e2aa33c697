using System;
using System.IO;
using System.Linq;

namespace RnnGen.Benchmarks;

/// <summary>The CPU a run measured, as /proc/cpuinfo names it: model name, family and model (the project's machines change).</summary>
public static class CpuDescription
{
    /// <summary>e.g. <c>AMD EPYC (family 23, model 1)</c>, with the widest vector the process accelerates.</summary>
    public static string Text()
    {
        string[] lines = File.Exists("/proc/cpuinfo") ? File.ReadAllLines("/proc/cpuinfo") : Array.Empty<string>();
        string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal) && l[name.Length..].TrimStart().StartsWith(':'))?.Split(':', 2)[1].Trim() ?? "?";
        return $"{Field("model name")} (family {Field("cpu family")}, model {Field("model")})";
    }

    /// <summary>A file-name slug: family and model, e.g. <c>family23-model1</c>.</summary>
    public static string Slug()
    {
        string text = Text();
        int at = text.IndexOf("(family ", StringComparison.Ordinal);
        return at < 0 ? "unknown-cpu" : text[(at + 1)..].TrimEnd(')').Replace(", ", "-").Replace(" ", string.Empty);
    }
}
