using System;
using System.Globalization;
using System.IO;
using Iot;
using Iot.Measurement;
using Iot.Recognition;
using Iot.Recordings;
using Iot.Sensor;
using RnnGen.Kernels;

// Exit codes: 0 done, 1 a bad recording or a sensor that stopped answering, 2 no sensor, 64 a bad command line.
if (args is ["-h"] or ["--help"])
{
    Console.WriteLine(Options.Usage);
    return 0;
}

Options? options = Options.Parse(args);
if (options is null)
{
    return 64;
}

ISampleSource source;
ReplaySource? replay = null;
if (options.ReplayPath is { } replayPath)
{
    try
    {
        Recording recording = RecordingReader.Load(replayPath);
        source = replay = new ReplaySource(recording, string.Create(CultureInfo.InvariantCulture,
            $"replay of {replayPath} ({recording.Count} samples, {(options.Realtime ? $"at {options.RateHz} Hz" : "as fast as possible")})"));
    }
    catch (Exception e) when (e is RecordingFormatException or IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"Iot: cannot replay {replayPath}: {e.Message}");
        return 1;
    }
}
else
{
    try
    {
        source = SensorSource.Open(options.Bus, options.Address, options.RateHz);
    }
    catch (SensorUnavailableException e)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Iot: no MPU-6050 found: {e.Message}. To try the recognizer without a sensor, replay a recording:
            `Iot --replay recordings/long-session.csv` (add --realtime to replay at {options.RateHz} Hz). On a Raspberry Pi,
            wire the MPU-6050 to 3.3 V, GND, SDA (GPIO2, pin 3) and SCL (GPIO3, pin 5), enable I²C with `sudo raspi-config`
            → Interface Options → I2C (or add `dtparam=i2c_arm=on` to /boot/firmware/config.txt and reboot), check that
            `i2cdetect -y {options.Bus}` shows 68 (69 if AD0 is high: pass --address 0x69), and run as a user in the i2c group.
            """));
        return 2;
    }
}

using (source)
using (var stop = new StopSignal())
{
    var recognizer = new GestureRecognizer(GestureModel.Default);
    Console.WriteLine($"gesture model: LSTM(32) → Dense(5, softmax), {GestureModel.ParameterCount} weights baked into the binary");
    Console.WriteLine($"vector path: {VectorPaths.DescribeProcess(VectorPaths.Best)}");
    Console.WriteLine($"measured fastest for the LSTM: {recognizer.Model.VectorPath}");
    Console.WriteLine($"source: {source.Description}");
    if (options.Paced)
    {
        Console.WriteLine($"rate: {options.RateHz} Hz, a deadline every {1000.0 / options.RateHz:0.##} ms; Ctrl+C stops");
    }

    using RecordingWriter? recorder = options.RecordPath is { } recordPath
        ? new RecordingWriter(File.Create(recordPath), options.RateHz, options.Label)
        : null;

    var lines = new ConsoleLines(Console.OpenStandardOutput());
    LoopReport report;
    try
    {
        report = new StreamingLoop(options, recognizer, lines, stop).Run(source, replay, recorder);
    }
    catch (IOException e) when (replay is null)
    {
        Console.Error.WriteLine($"Iot: the sensor stopped answering: {e.Message}");
        return 1;
    }

    ReportPrinter.Print(report, options);
}

return 0;
