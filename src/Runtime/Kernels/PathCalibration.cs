using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using RnnGen.Weights;

namespace RnnGen.Kernels;

/// <summary>How models created without an explicit <see cref="VectorPath"/> pick each layer's register width.</summary>
public enum PathSelection
{
    /// <summary>
    /// Time each recurrent layer's step on every accelerated width when the first model with that layer is created
    /// (well under a millisecond of stepping per width, once per process and layer), and take the fastest: the best width
    /// depends on the CPU and the layer (a 2-unit LSTM fills 2 of 16 AVX-512 lanes; Zen 1 runs 256-bit as two halves).
    /// </summary>
    Measured = 0,

    /// <summary>The widest accelerated width for every layer (<see cref="VectorPaths.Best"/>): no timing, the same choice on every run.</summary>
    Widest = 1,
}

/// <summary>
/// Picks a recurrent layer's vector path by measuring it (<see cref="PathSelection.Measured"/>): the layer's own weights,
/// packed for each accelerated width, each stepped from the zero state in alternating rounds; the lowest median time
/// wins. Decisions are cached per process and per layer (its cell type carries sizes and activations), so only the
/// first model with a layer pays; <see cref="Report"/> lists them. Step, Run and StepBatch all use the layer's choice;
/// it is made on Step, where a call's fixed costs matter most.
/// </summary>
public static class PathCalibration
{
    private const int Rounds = 7;
    private const double RoundNanoseconds = 40_000;
    private static readonly List<string> s_decisions = new();

    /// <summary>
    /// The process-wide selection, read when a model is created. Default <see cref="PathSelection.Measured"/>; the
    /// environment variable <c>RNNGEN_PATH_SELECTION=widest</c> starts a process with <see cref="PathSelection.Widest"/>
    /// (for runs that must reproduce the same floats everywhere: paths differ in the last bits).
    /// </summary>
    public static PathSelection Selection { get; set; } =
        string.Equals(Environment.GetEnvironmentVariable("RNNGEN_PATH_SELECTION"), "widest", StringComparison.OrdinalIgnoreCase) ? PathSelection.Widest : PathSelection.Measured;

    /// <summary>Every measured decision so far, one line per layer, with the median time per step of each width.</summary>
    public static string Report
    {
        get
        {
            lock (s_decisions)
            {
                return s_decisions.Count == 0 ? "no layer measured yet (or PathSelection.Widest)" : string.Join(Environment.NewLine, s_decisions);
            }
        }
    }

    /// <summary>
    /// The path for a recurrent layer whose cells on 128-, 256- and 512-bit lanes are <typeparamref name="T128"/>,
    /// <typeparamref name="T256"/> and <typeparamref name="T512"/>; <paramref name="canonicalDirection"/> is one direction's
    /// canonical weights (<see cref="CanonicalLayout"/>).
    /// </summary>
    public static VectorPath Choose<T128, T256, T512>(LayerShape layer, ReadOnlySpan<float> canonicalDirection)
        where T128 : struct, ILaneCell<T128>
        where T256 : struct, ILaneCell<T256>
        where T512 : struct, ILaneCell<T512>
    {
        if (Selection == PathSelection.Widest || Candidates().Count() < 2)
        {
            return VectorPaths.Best;
        }

        return Decision<T128, T256, T512>.Get(layer, canonicalDirection);
    }

    /// <summary>The accelerated widths, narrowest first (one on ARM64: NEON).</summary>
    private static IEnumerable<VectorPath> Candidates()
    {
        if (Vector128.IsHardwareAccelerated)
        {
            yield return VectorPath.Vector128;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            yield return VectorPath.Vector256;
        }

        if (Vector512.IsHardwareAccelerated)
        {
            yield return VectorPath.Vector512;
        }
    }

    /// <summary>One layer's decision, made once (the first caller measures, others wait for it).</summary>
    private static class Decision<T128, T256, T512>
        where T128 : struct, ILaneCell<T128>
        where T256 : struct, ILaneCell<T256>
        where T512 : struct, ILaneCell<T512>
    {
        private static readonly object s_lock = new();
        private static VectorPath? s_path;

        public static VectorPath Get(LayerShape layer, ReadOnlySpan<float> canonicalDirection)
        {
            lock (s_lock)
            {
                if (s_path is { } known)
                {
                    return known;
                }

                VectorPath[] candidates = Candidates().ToArray();
                var timers = new Func<int, double>[candidates.Length];
                for (int c = 0; c < candidates.Length; c++)
                {
                    timers[c] = candidates[c] switch
                    {
                        VectorPath.Vector128 => Timer<T128>(layer, canonicalDirection, 4),
                        VectorPath.Vector256 => Timer<T256>(layer, canonicalDirection, 8),
                        _ => Timer<T512>(layer, canonicalDirection, 16),
                    };
                }

                double[] medians = Measure(timers);
                int best = Array.IndexOf(medians, medians.Min());
                s_path = candidates[best];
                string times = string.Join(", ", candidates.Select((path, c) => $"{path} {medians[c].ToString("F0", CultureInfo.InvariantCulture)} ns"));
                lock (s_decisions)
                {
                    s_decisions.Add($"{layer.Describe()}: {candidates[best]} (median ns per Step: {times})");
                }

                return candidates[best];
            }
        }
    }

    /// <summary>Rounds alternating over the candidates, each about <see cref="RoundNanoseconds"/> long; the median per candidate.</summary>
    private static double[] Measure(Func<int, double>[] timers)
    {
        var steps = new int[timers.Length];
        for (int c = 0; c < timers.Length; c++)
        {
            timers[c](1); // compiles (the kernels are AggressiveOptimization) and touches the weights
            double probe = timers[c](4);
            steps[c] = (int)Math.Clamp(RoundNanoseconds / Math.Max(probe, 1), 1, 100_000);
        }

        var times = new double[timers.Length][];
        for (int c = 0; c < timers.Length; c++)
        {
            times[c] = new double[Rounds];
        }

        for (int round = 0; round < Rounds; round++)
        {
            for (int k = 0; k < timers.Length; k++)
            {
                int c = round % 2 == 0 ? k : timers.Length - 1 - k;
                times[c][round] = timers[c](steps[c]);
            }
        }

        return times.Select(t => t.OrderBy(v => v).ElementAt(Rounds / 2)).ToArray();
    }

    /// <summary>Steps <typeparamref name="TCell"/> built from the layer's weights packed for <paramref name="lanes"/>; returns ns per step.</summary>
    private static Func<int, double> Timer<TCell>(LayerShape layer, ReadOnlySpan<float> canonicalDirection, int lanes)
        where TCell : struct, ILaneCell<TCell>
    {
        TCell cell = TCell.Create(LanePacking.PackIntoSlot(layer, canonicalDirection, lanes));
        var input = new float[layer.InputSize];
        var state = new float[cell.StateLength];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = ((i % 7) - 3) * 0.25f;
        }

        return steps => Time(cell, input, state, steps);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static double Time<TCell>(TCell cell, float[] input, float[] state, int steps)
        where TCell : struct, ILaneCell<TCell>
    {
        Array.Clear(state);
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < steps; i++)
        {
            RecurrentStep.Step(cell, input, state);
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / steps;
    }
}
