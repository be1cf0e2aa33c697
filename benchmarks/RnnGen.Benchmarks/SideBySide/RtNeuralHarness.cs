using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace RnnGen.Benchmarks;

/// <summary>
/// The RTNeural side of the side-by-side benchmark: benchmarks/rtneural/rtneural_bench.cpp built by
/// benchmarks/rtneural/build.sh, kept running and driven over its line protocol (models / check / time), so its timing
/// rounds can alternate with RnnGen's in one run.
/// </summary>
public sealed class RtNeuralHarness : IDisposable
{
    private readonly Process _process;

    private RtNeuralHarness(Process process, string[] models)
    {
        _process = process;
        Models = models;
    }

    /// <summary>The model ids the harness was built with, e.g. <c>lstm_8x32</c>.</summary>
    public string[] Models { get; }

    /// <summary>Builds (if needed) and starts the harness; null with <paramref name="why"/> when RTNeural's headers or a compiler are missing.</summary>
    public static RtNeuralHarness? Start(string repository, out string why)
    {
        string script = Path.Combine(repository, "benchmarks", "rtneural", "build.sh");
        var build = Process.Start(new ProcessStartInfo("bash", $"\"{script}\" x64") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string binary = build.StandardOutput.ReadToEnd().Trim();
        string errors = build.StandardError.ReadToEnd().Trim();
        build.WaitForExit();
        if (build.ExitCode != 0)
        {
            why = build.ExitCode == 3 ? errors : $"building the RTNeural harness failed ({build.ExitCode}): {errors}";
            return null;
        }

        var process = Process.Start(new ProcessStartInfo(binary) { RedirectStandardInput = true, RedirectStandardOutput = true })!;
        process.StandardInput.WriteLine("models");
        string[] models = (process.StandardOutput.ReadLine() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        why = string.Empty;
        return new RtNeuralHarness(process, models);
    }

    /// <summary>The first <paramref name="steps"/> outputs of model <paramref name="id"/> from the zero state.</summary>
    public float[] Check(string id, int steps) =>
        Ask($"check {id} {steps}").Split(' ').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Runs <paramref name="steps"/> steps of model <paramref name="id"/> and returns nanoseconds per step.</summary>
    public double Time(string id, long steps) => double.Parse(Ask($"time {id} {steps}"), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.WriteLine("quit");
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private string Ask(string command)
    {
        _process.StandardInput.WriteLine(command);
        string reply = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the RTNeural harness exited");
        return reply.StartsWith("error", StringComparison.Ordinal) ? throw new InvalidOperationException($"RTNeural harness: {reply} (after '{command}')") : reply;
    }
}
