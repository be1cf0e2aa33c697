using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace RnnGen.Threading;

/// <summary>
/// Threads that share the streams of one <c>StepBatch</c> call: <c>model.StepBatch(inputs, state, outputs, workers)</c>
/// splits the streams into contiguous ranges, runs the first on the calling thread and the others on
/// <see cref="Threads"/> − 1 threads started once by the constructor, and returns when all are done. Each range is
/// exactly what a single-threaded call computes for those streams, so results do not depend on the split.
/// <para>
/// A call stays on the calling thread when it is too small to pay for waking the others: when it has fewer than
/// <see cref="MinWorkPerThread"/> multiply-adds per thread (see benchmarks/README.md for where splitting pays).
/// Splitting allocates nothing. One call at a time: use one <see cref="BatchWorkers"/> per calling thread.
/// Dispose it when done: its threads are background threads (they never keep the process alive) but live until then.
/// </para>
/// </summary>
public sealed class BatchWorkers : IDisposable
{
    /// <summary>
    /// The default of <see cref="MinWorkPerThread"/>, about 10–20 µs of one core's work. Measured with two threads
    /// (benchmarks/results/batch): a forced split lost at 31K–42K multiply-adds per thread (the 8→32 layers at 16
    /// streams: 0.41–0.53×) and won from 500K up (GRU 8→32, 256 streams: 1.69×; LSTM 64→128, 16 streams: 1.14×).
    /// </summary>
    public const long DefaultMinWorkPerThread = 500_000;

    // Streams per range are a multiple of this, the widest register tile of the batched kernels.
    private const int TileStreams = 4;

    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _start;
    private readonly long[] _allocated;
    private IBatchRange? _job;
    private int _streams;
    private int _rangeLength;
    private int _pending;
    private int _busy;
    private int _starting;
    private Exception? _failure;
    private volatile bool _disposed;

    /// <summary>Starts <paramref name="threads"/> − 1 worker threads (the calling thread is the other one).</summary>
    /// <param name="threads">Threads a call may use, the caller included: 1 to 256; <see cref="Environment.ProcessorCount"/> is a good start.</param>
    /// <param name="minWorkPerThread">Multiply-adds per thread below which a call is not split; at least 1.</param>
    public BatchWorkers(int threads, long minWorkPerThread = DefaultMinWorkPerThread)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threads, 256);
        ArgumentOutOfRangeException.ThrowIfLessThan(minWorkPerThread, 1);
        Threads = threads;
        MinWorkPerThread = minWorkPerThread;
        _threads = new Thread[threads - 1];
        _start = new ManualResetEventSlim[threads - 1];
        _allocated = new long[threads - 1];
        _starting = _threads.Length;
        for (int worker = 0; worker < _threads.Length; worker++)
        {
            _start[worker] = new ManualResetEventSlim(false);
            int range = worker + 1;
            _threads[worker] = new Thread(() => Work(range)) { IsBackground = true, Name = "RnnGen batch worker " + range };
            _threads[worker].Start();
        }

        // Return once every worker has primed its event (see Work), so no call pays for that.
        var wait = default(SpinWait);
        while (Volatile.Read(ref _starting) != 0)
        {
            wait.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Threads a call may use, the calling thread included.</summary>
    public int Threads { get; }

    /// <summary>Multiply-adds per thread below which a call runs on the calling thread alone.</summary>
    public long MinWorkPerThread { get; }

    /// <summary>
    /// Managed bytes the worker threads have allocated since they started, up to the end of the last call (the
    /// calling thread's own are in <see cref="GC.GetAllocatedBytesForCurrentThread"/>): a real-time loop can check
    /// that it stays constant.
    /// </summary>
    public long WorkerAllocatedBytes
    {
        get
        {
            long total = 0;
            for (int worker = 0; worker < _allocated.Length; worker++)
            {
                total += Volatile.Read(ref _allocated[worker]);
            }

            return total;
        }
    }

    /// <summary>
    /// Runs <paramref name="job"/> over <paramref name="streams"/> streams, split into ranges by
    /// <paramref name="workPerStream"/> (multiply-adds of one stream's step). Called by generated code.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another call is running on this instance.</exception>
    /// <exception cref="ObjectDisposedException">The workers were disposed.</exception>
    public void Run(IBatchRange job, int streams, long workPerStream)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(streams);
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            // Dispose keeps the call slot taken for good.
            ObjectDisposedException.ThrowIf(_disposed, this);
            throw new InvalidOperationException("These BatchWorkers are already running a StepBatch call: use one BatchWorkers per calling thread.");
        }

        try
        {
            int ranges = Ranges(streams, workPerStream, out int rangeLength);
            if (ranges == 1)
            {
                job.Step(0, streams);
                return;
            }

            _job = job;
            _streams = streams;
            _rangeLength = rangeLength;
            _pending = ranges - 1;
            for (int range = 1; range < ranges; range++)
            {
                _start[range - 1].Set();
            }

            StepRange(0);
            WaitForWorkers();
            _job = null;
            if (_failure is { } failure)
            {
                _failure = null;
                ExceptionDispatchInfo.Throw(failure);
            }
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>Stops the worker threads; waits for a call running on another thread to finish first.</summary>
    public void Dispose()
    {
        // Take the call slot for good: a running call finishes, later calls see _disposed.
        var wait = default(SpinWait);
        while (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            if (_disposed)
            {
                return;
            }

            wait.SpinOnce();
        }

        _disposed = true;
        foreach (ManualResetEventSlim start in _start)
        {
            start.Set();
        }

        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        foreach (ManualResetEventSlim start in _start)
        {
            start.Dispose();
        }
    }

    // The workers write into the caller's buffers until the last one is done, so return only then, even when the
    // calling thread is interrupted meanwhile (the interrupt is rethrown after). The caller spins (yielding, never
    // sleeping) rather than blocking on an event: its own range took as long as theirs, so the wait is short, and an
    // event's first blocking wait allocates its lock object in the middle of a game's frame loop.
    private void WaitForWorkers()
    {
        ThreadInterruptedException? interrupted = null;
        var wait = default(SpinWait);
        while (Volatile.Read(ref _pending) != 0)
        {
            try
            {
                wait.SpinOnce(sleep1Threshold: -1);
            }
            catch (ThreadInterruptedException exception)
            {
                interrupted = exception;
            }
        }

        if (interrupted is not null)
        {
            ExceptionDispatchInfo.Throw(interrupted);
        }
    }

    // As many ranges as the work allows, up to Threads, each a whole number of register tiles but the last.
    private int Ranges(int streams, long workPerStream, out int rangeLength)
    {
        long byWork = Math.Max(1, streams * Math.Max(1, workPerStream) / MinWorkPerThread);
        int ranges = (int)Math.Min(Math.Min(byWork, Threads), (streams + TileStreams - 1) / TileStreams);
        rangeLength = ((streams + ranges - 1) / ranges + TileStreams - 1) / TileStreams * TileStreams;
        return (streams + rangeLength - 1) / rangeLength;
    }

    private void Work(int range)
    {
        ManualResetEventSlim start = _start[range - 1];

        // An event allocates its lock object on its first blocking wait. Nothing can set this one before the
        // constructor returns, so a short timed wait blocks now, allocating it here instead of inside a game's frame.
        start.Wait(1);
        Interlocked.Decrement(ref _starting);
        while (true)
        {
            start.Wait();
            start.Reset();
            if (_disposed)
            {
                return;
            }

            StepRange(range);
            Volatile.Write(ref _allocated[range - 1], GC.GetAllocatedBytesForCurrentThread());
            Interlocked.Decrement(ref _pending);
        }
    }

    private void StepRange(int range)
    {
        int first = range * _rangeLength;
        try
        {
            _job!.Step(first, Math.Min(_rangeLength, _streams - first));
        }
        catch (Exception failure)
        {
            Interlocked.CompareExchange(ref _failure, failure, null);
        }
    }
}
