using RnnGen.Threading;
using Xunit;

namespace RnnGen.Tests.Batch;

/// <summary>StepBatch split across BatchWorkers' threads: the same bits as one thread, no allocation, clear misuse errors.</summary>
public sealed class BatchWorkersTests
{
    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 5)]
    [InlineData(2, 37)]
    [InlineData(3, 37)]
    [InlineData(3, 64)]
    public void Split_calls_give_the_bits_of_one_thread(int threads, int streams)
    {
        // Every kind of layer (inner Dense outputs, per-stream cells, Skip) and a tiled LSTM with several panels.
        var mixed = MixedBatchModel.FromParameters(TestWeights.Random(MixedBatchModel.ParameterLength(WeightLayout.Keras), 41), WeightLayout.Keras);
        var wide = WideTileLstm.FromParameters(TestWeights.Random(WideTileLstm.ParameterLength(WeightLayout.PyTorch), 43), WeightLayout.PyTorch);
        using var workers = new BatchWorkers(threads, minWorkPerThread: 1);
        var mixedAlone = new MixedBatchModel.BatchState(streams);
        var mixedSplit = new MixedBatchModel.BatchState(streams);
        var wideAlone = new WideTileLstm.BatchState(streams);
        var wideSplit = new WideTileLstm.BatchState(streams);
        for (int t = 0; t < 4; t++)
        {
            float[] mixedInputs = TestWeights.Random(streams * MixedBatchModel.InputSize, 100 + t);
            float[] expected = new float[streams * MixedBatchModel.OutputSize];
            float[] actual = new float[expected.Length];
            mixed.StepBatch(mixedInputs, mixedAlone, expected);
            mixed.StepBatch(mixedInputs, mixedSplit, actual, workers);
            Assert.Equal(expected, actual);

            float[] wideInputs = TestWeights.Random(streams * WideTileLstm.InputSize, 200 + t);
            expected = new float[streams * WideTileLstm.OutputSize];
            actual = new float[expected.Length];
            wide.StepBatch(wideInputs, wideAlone, expected);
            wide.StepBatch(wideInputs, wideSplit, actual, workers);
            Assert.Equal(expected, actual);
            Assert.Contains(actual, v => v != 0f);
        }

        for (int stream = 0; stream < streams; stream++)
        {
            Assert.Equal(wideAlone.Cell(stream, 0).ToArray(), wideSplit.Cell(stream, 0).ToArray());
            Assert.Equal(mixedAlone.Hidden(stream, 4).ToArray(), mixedSplit.Hidden(stream, 4).ToArray());
        }
    }

    [Fact]
    public void Split_calls_allocate_nothing_on_any_thread()
    {
        var wide = WideTileLstm.FromParameters(TestWeights.Random(WideTileLstm.ParameterLength(WeightLayout.PyTorch), 47), WeightLayout.PyTorch);
        using var workers = new BatchWorkers(2, minWorkPerThread: 1);
        var batch = new WideTileLstm.BatchState(40);
        float[] inputs = TestWeights.Random(40 * WideTileLstm.InputSize, 5);
        float[] outputs = new float[40 * WideTileLstm.OutputSize];
        // Warm-up past tiered compilation's re-JIT (which allocates on its own): many calls, then time for the
        // background compiler to finish.
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < 200; i++)
            {
                wide.StepBatch(inputs, batch, outputs, workers);
            }

            Thread.Sleep(200);
        }

        long callerBefore = GC.GetAllocatedBytesForCurrentThread();
        long workersBefore = workers.WorkerAllocatedBytes;
        for (int i = 0; i < 500; i++)
        {
            wide.StepBatch(inputs, batch, outputs, workers);
        }

        long caller = GC.GetAllocatedBytesForCurrentThread() - callerBefore;
        long worker = workers.WorkerAllocatedBytes - workersBefore;
        Assert.True(caller == 0 && worker == 0, $"500 split StepBatch calls allocated {caller} bytes on the calling thread and {worker} on the worker");
    }

    [Fact]
    public void Misuse_gets_clear_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchWorkers(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchWorkers(2, minWorkPerThread: 0));

        var model = MixedBatchModel.FromParameters(TestWeights.Random(MixedBatchModel.ParameterLength(WeightLayout.Keras), 3), WeightLayout.Keras);
        var batch = new MixedBatchModel.BatchState(2);
        var workers = new BatchWorkers(2);
        Assert.Throws<ArgumentNullException>(() => model.StepBatch(new float[MixedBatchModel.InputSize], batch, new float[MixedBatchModel.OutputSize], null!));
        ArgumentException wrong = Assert.Throws<ArgumentException>(() => model.StepBatch(new float[3 * MixedBatchModel.InputSize], batch, new float[3 * MixedBatchModel.OutputSize], workers));
        Assert.Contains("Capacity", wrong.Message, StringComparison.Ordinal);

        workers.Dispose();
        workers.Dispose(); // twice is harmless
        Assert.Throws<ObjectDisposedException>(() => model.StepBatch(new float[MixedBatchModel.InputSize], batch, new float[MixedBatchModel.OutputSize], workers));
    }

    [Fact]
    public async Task A_second_concurrent_call_on_the_same_workers_is_refused()
    {
        using var workers = new BatchWorkers(2, minWorkPerThread: 1);
        using var inside = new ManualResetEventSlim(false);
        using var release = new ManualResetEventSlim(false);
        var blocking = new BlockingRange(inside, release);
        var first = Task.Run(() => workers.Run(blocking, 1, 1));
        Assert.True(inside.Wait(TimeSpan.FromSeconds(10)));
        InvalidOperationException refused = Assert.Throws<InvalidOperationException>(() => workers.Run(blocking, 1, 1));
        Assert.Contains("one BatchWorkers per calling thread", refused.Message, StringComparison.Ordinal);
        release.Set();
        await first.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Dispose_waits_for_a_running_call_and_later_calls_are_refused()
    {
        var workers = new BatchWorkers(2, minWorkPerThread: 1);
        using var inside = new ManualResetEventSlim(false);
        using var release = new ManualResetEventSlim(false);
        var blocking = new BlockingRange(inside, release);
        Task call = Task.Run(() => workers.Run(blocking, 1, 1));
        Assert.True(inside.Wait(TimeSpan.FromSeconds(10)));
        Task disposing = Task.Run(workers.Dispose);
        await Task.Delay(100);
        Assert.False(disposing.IsCompleted, "Dispose returned while a call was still running");
        release.Set();
        await call.WaitAsync(TimeSpan.FromSeconds(10));
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Throws<ObjectDisposedException>(() => workers.Run(blocking, 1, 1));
        workers.Dispose(); // again: returns at once
    }

    [Fact]
    public void Zero_streams_are_refused()
    {
        using var workers = new BatchWorkers(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => workers.Run(new FailingRange(failFrom: 0), 0, 1));
    }

    [Fact]
    public void An_exception_in_a_worker_range_reaches_the_caller()
    {
        using var workers = new BatchWorkers(2, minWorkPerThread: 1);
        var failing = new FailingRange(failFrom: 8);
        InvalidOperationException thrown = Assert.Throws<InvalidOperationException>(() => workers.Run(failing, 16, 1));
        Assert.Equal("range from 8", thrown.Message);
        workers.Run(new FailingRange(failFrom: int.MaxValue), 16, 1); // still usable
    }

    [Fact]
    public void Small_calls_stay_on_the_calling_thread()
    {
        using var workers = new BatchWorkers(2); // default threshold: 500K multiply-adds per thread
        var recording = new FailingRange(failFrom: int.MaxValue);
        workers.Run(recording, 16, workPerStream: 10_000);
        Assert.Equal(1, recording.Calls);
        workers.Run(recording, 400, workPerStream: 10_000);
        Assert.Equal(3, recording.Calls);
    }

    private sealed class BlockingRange(ManualResetEventSlim inside, ManualResetEventSlim release) : IBatchRange
    {
        public void Step(int first, int count)
        {
            inside.Set();
            release.Wait();
        }
    }

    private sealed class FailingRange(int failFrom) : IBatchRange
    {
        private int _calls;

        public int Calls => _calls;

        public void Step(int first, int count)
        {
            Interlocked.Increment(ref _calls);
            if (first >= failFrom)
            {
                throw new InvalidOperationException("range from " + first);
            }
        }
    }
}
