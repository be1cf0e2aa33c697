using System;

namespace RnnGen.Samples;

/// <summary>Bytes this thread allocated and garbage collections (all generations) since <see cref="Start"/>.</summary>
// Compiled into samples/Iot and samples/Agents (their csproj: ../Shared/*.cs).
internal sealed class AllocationMeter
{
    private long _bytes;
    private int _collections;

    public void Start()
    {
        _bytes = GC.GetAllocatedBytesForCurrentThread();
        _collections = Collections();
    }

    public long Bytes => GC.GetAllocatedBytesForCurrentThread() - _bytes;

    public int GcCount => Collections() - _collections;

    private static int Collections() => GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
}
