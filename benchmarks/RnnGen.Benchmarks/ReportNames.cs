using System;
using System.IO;

namespace RnnGen.Benchmarks;

/// <summary>
/// BenchmarkDotNet names a generic benchmark's reports after its type arguments, with spaces and commas
/// (<c>GruBenchmarks_Gru5x2, Gru5x2.State_-report-github.md</c>); after a run they are renamed to names a shell
/// and a URL take as they are (<c>GruBenchmarks_Gru5x2-Gru5x2.State_-report-github.md</c>).
/// </summary>
public static class ReportNames
{
    public static void TidyFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (string path in Directory.GetFiles(folder, "*-report*", SearchOption.AllDirectories))
        {
            string name = Path.GetFileName(path);
            string tidy = TidyName(name);
            if (tidy != name)
            {
                File.Move(path, Path.Combine(Path.GetDirectoryName(path)!, tidy), overwrite: true);
            }
        }
    }

    public static string TidyName(string name) => name.Replace(", ", "-", StringComparison.Ordinal).Replace(' ', '-').Replace(',', '-');
}
