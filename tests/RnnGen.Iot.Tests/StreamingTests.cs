using Iot;
using Iot.Measurement;
using Iot.Recognition;
using Iot.Recordings;
using Iot.Sensor;
using RnnGen.Tests.Shared;
using Xunit;

namespace RnnGen.Iot.Tests;

[Collection(GcCountingCollection.Name)]
public class StreamingTests
{
    private static Recording ShortSession() =>
        RecordingReader.Load(Path.Combine(AppContext.BaseDirectory, "Recordings", "short-session.csv"));

    [Fact]
    public void Sensor_read_and_model_step_allocate_nothing_over_many_samples()
    {
        var device = new FakeI2cDevice();
        device.Registers[0x3B + 4] = 0x40;  // az = +1 g: lying flat and still
        using var imu = new Mpu6050(device);
        var recognizer = new GestureRecognizer(GestureModel.Default);
        var debouncer = new Debouncer();
        var sample = new float[6];
        for (int i = 0; i < 1000; i++)  // warm up: the JIT's first calls may allocate
        {
            imu.Read(sample);
            recognizer.Step(sample);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int collections = GC.CollectionCount(0);
        for (int i = 0; i < 100_000; i++)
        {
            imu.Read(sample);
            recognizer.Step(sample);
            debouncer.Update(recognizer.Gesture, recognizer.Probability);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, GC.CollectionCount(0) - collections);
        Assert.Equal(0, recognizer.Gesture);  // flat and still is idle
    }

    [Fact]
    public void The_whole_loop_allocates_nothing_including_its_output_and_statistics()
    {
        // Statistics every sample and every gesture change printed, into a discarded stream: the worst case.
        var options = new Options { ReplayPath = "short-session.csv", StatsEverySeconds = 1e-9 };
        Recording recording = ShortSession();
        using var stop = new StopSignal();
        var loop = new StreamingLoop(options, new GestureRecognizer(GestureModel.Default), new ConsoleLines(Stream.Null), stop);
        loop.Run(new ReplaySource(recording, "warm-up"), new ReplaySource(recording, "warm-up"), null);

        var replay = new ReplaySource(recording, "test");
        LoopReport report = loop.Run(replay, replay, null);
        Assert.Equal(recording.Count, report.Steps);
        Assert.Equal(0, report.AllocatedBytes);
        Assert.Equal(0, report.Collections);
    }

    [Fact]
    public void The_model_recognizes_the_short_recording()
    {
        var options = new Options { ReplayPath = "short-session.csv", StatsEverySeconds = 0 };
        using var stop = new StopSignal();
        var replay = new ReplaySource(ShortSession(), "test");
        LoopReport report = new StreamingLoop(options, new GestureRecognizer(GestureModel.Default), new ConsoleLines(Stream.Null), stop)
            .Run(replay, replay, null);
        Assert.True(report.Accuracy > 0.85, $"accuracy {report.Accuracy}");
    }

    [Fact]
    public void The_debouncer_waits_for_a_steady_winner()
    {
        var debouncer = new Debouncer(holdSamples: 3, minimumProbability: 0.6f);
        Assert.False(debouncer.Update(1, 0.9f));
        Assert.False(debouncer.Update(1, 0.9f));
        Assert.True(debouncer.Update(1, 0.9f));   // third in a row: shown
        Assert.False(debouncer.Update(2, 0.9f));
        Assert.False(debouncer.Update(1, 0.9f));  // one sample of 2 does not change what is shown
        Assert.False(debouncer.Update(2, 0.5f));  // too unsure to count
        Assert.False(debouncer.Update(2, 0.7f));
        Assert.False(debouncer.Update(2, 0.7f));
        Assert.True(debouncer.Update(2, 0.7f));
        Assert.Equal(2, debouncer.Shown);
    }

    [Fact]
    public void Latency_percentiles_come_from_the_histogram()
    {
        var histogram = new LatencyHistogram();
        long ticksPerMicrosecond = System.Diagnostics.Stopwatch.Frequency / 1_000_000;
        for (int i = 1; i <= 100; i++)
        {
            histogram.Add(i * ticksPerMicrosecond);  // 1 µs .. 100 µs
        }

        Assert.Equal(50, histogram.Percentile(0.5), 1);
        Assert.Equal(99, histogram.Percentile(0.99), 1);
        Assert.Equal(100, histogram.MaxMicroseconds, 3);
    }
}

public class Sha256Tests
{
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(64)]
    [InlineData(30_162)]
    public void The_managed_hash_matches_the_BCL(int length)
    {
        byte[] data = new byte[length];
        new Random(length).NextBytes(data);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), global::Iot.Measurement.Sha256.Hash(data));
    }
}
