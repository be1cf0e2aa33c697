using System;

namespace Agents.Measurement;

/// <summary>Bytes this thread allocated and garbage collections (all generations) since <see cref="Start"/>.</summary>
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
