using System;
using System.Globalization;
using Agents.Steering;

namespace Agents;

/// <summary>The command line. <see cref="Parse"/> throws <see cref="FormatException"/> saying what is wrong.</summary>
internal sealed record Options
{
    public const string Usage = """
        usage: Agents [--agents N[,N...]] [--frames F] [--warmup W] [--controller rnn|rule|random] [--seed S]
               Agents --compare [--agents N[,N...]] [--frames F] [--seed S]

        A headless game loop: N agents in a 2D arena, each casting 8 sensor rays and steered every frame by a GRU
        controller (all agents in one StepBatch call). Prints frame time p50/p99/max, the controller's share of it,
        bytes allocated and GC collections in the timed loop, and a summary: line per run.
          --agents N,...     swarm sizes to run in turn (default 100,1000,10000; 1 to 1000000)
          --frames F         timed frames per run (default 3000; with --compare 7200, two simulated minutes)
          --warmup W         frames run before timing starts (default 300)
          --controller C     rnn (the trained GRU, default), rule (the hand-written rule it imitates) or random
          --seed S           where the agents start, and the random controller's draws (default 1)
          --compare          run all three controllers and print collisions and distance per agent-minute
        """;

    public int[] Agents { get; init; } = [100, 1000, 10000];

    public int? Frames { get; init; }

    public int WarmupFrames { get; init; } = 300;

    public string Controller { get; init; } = "rnn";

    public ulong Seed { get; init; } = 1;

    public bool Compare { get; init; }

    public int TimedFrames => Frames ?? (Compare ? 7200 : 3000);

    public static Options Parse(string[] args)
    {
        var options = new Options();
        bool agentsGiven = false;
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{name} needs a value");
            switch (name)
            {
                case "--agents":
                    options = options with { Agents = IntegerList(name, Value(), 1, 1_000_000) };
                    agentsGiven = true;
                    break;
                case "--frames":
                    options = options with { Frames = Integer(name, Value(), 1, 10_000_000) };
                    break;
                case "--warmup":
                    options = options with { WarmupFrames = Integer(name, Value(), 0, 1_000_000) };
                    break;
                case "--controller":
                    string controller = Value();
                    options = Array.IndexOf(Controllers.Names, controller) >= 0
                        ? options with { Controller = controller }
                        : throw new FormatException($"--controller must be one of {string.Join(", ", Controllers.Names)}, not '{controller}'");
                    break;
                case "--seed":
                    string seed = Value();
                    options = ulong.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value)
                        ? options with { Seed = value }
                        : throw new FormatException($"--seed must be a non-negative integer, not '{seed}'");
                    break;
                case "--compare":
                    options = options with { Compare = true };
                    break;
                default:
                    throw new FormatException($"unknown option '{name}'");
            }
        }

        return options.Compare && !agentsGiven ? options with { Agents = [1000] } : options;
    }

    private static int[] IntegerList(string name, string text, int min, int max)
    {
        string[] parts = text.Split(',');
        int[] values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            values[i] = Integer(name, parts[i], min, max);
        }

        return values;
    }

    private static int Integer(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw new FormatException($"{name} takes whole numbers from {min} to {max}, not '{text}'");
}
