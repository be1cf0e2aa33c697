using System;
using System.Globalization;

namespace Iot;

/// <summary>The command line. <see cref="Parse"/> returns null and prints why (or the usage) when it is not usable.</summary>
internal sealed record Options
{
    public const string Usage = """
        usage: Iot [--bus N] [--address 0xNN] [--rate HZ] [--record FILE.csv [--label GESTURE]] [--stats-every SECONDS]
               Iot --replay FILE.csv [--realtime] [--rate HZ] [--stats-every SECONDS] [--quiet]

        Recognizes gestures (idle, shake, tilt-left, tilt-right, circle) from an MPU-6050 on I²C, one LSTM step per sample.
          --bus N              I²C bus, /dev/i2c-N (default 1, the Raspberry Pi's GPIO2/GPIO3 pins)
          --address 0xNN       the sensor's address (default 0x68; 0x69 when AD0 is high)
          --rate HZ            samples per second (default 100, what the model was trained at)
          --record FILE.csv    also write every sample to FILE.csv, in the format --replay and training/train.py read
          --label GESTURE      the label column written by --record (default unknown)
          --replay FILE.csv    feed a recording instead of the sensor, as fast as possible; prints accuracy and a summary
          --realtime           replay at --rate samples per second, with deadlines, as the sensor would
          --stats-every S      print latency and allocation statistics every S seconds (default 10; 0: only at exit)
          --quiet              do not print each gesture change
        """;

    public int Bus { get; init; } = 1;

    public int Address { get; init; } = 0x68;

    public int RateHz { get; init; } = 100;

    public string? ReplayPath { get; init; }

    public bool Realtime { get; init; }

    public string? RecordPath { get; init; }

    public string Label { get; init; } = "unknown";

    public double StatsEverySeconds { get; init; } = 10;

    public bool Quiet { get; init; }

    /// <summary>Whether samples come at the sample rate (sensor, or replay with --realtime): deadlines then count.</summary>
    public bool Paced => ReplayPath is null || Realtime;

    public static Options? Parse(string[] args)
    {
        var options = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name is "-h" or "--help")
            {
                Console.WriteLine(Usage);
                return null;
            }

            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{name} needs a value");
            try
            {
                options = name switch
                {
                    "--bus" => options with { Bus = Integer(Value(), 0, 255) },
                    "--address" => options with { Address = Integer(Value(), 0x03, 0x77) },
                    "--rate" => options with { RateHz = Integer(Value(), 1, 1000) },
                    "--replay" => options with { ReplayPath = Value() },
                    "--realtime" => options with { Realtime = true },
                    "--record" => options with { RecordPath = Value() },
                    "--label" => options with { Label = Value() },
                    "--stats-every" => options with { StatsEverySeconds = Seconds(Value()) },
                    "--quiet" => options with { Quiet = true },
                    _ => throw new FormatException($"unknown option '{name}'"),
                };
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"Iot: {e.Message}\n\n{Usage}");
                return null;
            }
        }

        if (options.Label != "unknown" && Gestures.IndexOf(options.Label) < 0)
        {
            Console.Error.WriteLine($"Iot: --label must be one of {string.Join(", ", Gestures.Names)} or unknown, not '{options.Label}'");
            return null;
        }

        return options;
    }

    private static int Integer(string text, int min, int max)
    {
        bool hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (!int.TryParse(hex ? text[2..] : text, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
        {
            throw new FormatException($"'{text}' is not a number from {min} to {max}");
        }

        return value;
    }

    private static double Seconds(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0 && value <= 86400
            ? value
            : throw new FormatException($"'{text}' is not a number of seconds from 0 to 86400");
}
