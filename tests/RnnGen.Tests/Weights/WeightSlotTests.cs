using System.Runtime.InteropServices;
using RnnGen.Kernels;
using RnnGen.Weights;
using Xunit;

namespace RnnGen.Tests.Weights;

/// <summary>Every weight slot starts on a cache line and stays there, whatever the GC does afterwards.</summary>
public sealed class WeightSlotTests
{
    private static readonly LayerShape[] s_layers =
    [
        new(LayerKind.Lstm, 3, 13, 2, true, true, learnedInitialState: true),
        new(LayerKind.Gru, 26, 7, 1, true, false),
        new(LayerKind.SimpleRnn, 7, 5, 1, true, true),
        new(LayerKind.Dense, 5, 4, 1, true, true),
    ];

    [Theory]
    [InlineData(VectorPath.Scalar)]
    [InlineData(VectorPath.Vector128)]
    [InlineData(VectorPath.Vector256)]
    [InlineData(VectorPath.Vector512)]
    public void SlotsStartOnACacheLineAndKeepTheirContentsThroughACompactingCollection(VectorPath path)
    {
        int length = s_layers.Sum(layer => (int)CanonicalLayout.LayerLength(layer));
        float[] canonical = TestWeights.Random(length, 7);
        WeightSlot[] slots = WeightSlots.Create(canonical, s_layers, path);
        float[][] before = slots.Select(slot => slot.Span.ToArray()).ToArray();

        AssertAligned(slots);
        Assert.Equal(LanePacking.Pack(s_layers[0], canonical.AsSpan(0, (int)CanonicalLayout.DirectionLength(s_layers[0])), VectorPaths.Lanes(path)), before[0]);

        for (int i = 0; i < 1000; i++)
        {
            GC.KeepAlive(new float[(i % 50) + 1]); // garbage for the collector to compact away
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        AssertAligned(slots);
        for (int s = 0; s < slots.Length; s++)
        {
            Assert.Equal(before[s], slots[s].Span.ToArray());
        }
    }

    [Fact]
    public void CopyOfHoldsExactlyTheValues()
    {
        float[] values = TestWeights.Random(37, 3);
        WeightSlot slot = WeightSlot.CopyOf(values);
        Assert.Equal(values, slot.Span.ToArray());
        AssertAligned([slot]);
    }

    private static void AssertAligned(WeightSlot[] slots)
    {
        foreach (WeightSlot slot in slots)
        {
            GCHandle handle = GCHandle.Alloc(slot.Array, GCHandleType.Pinned);
            try
            {
                long address = handle.AddrOfPinnedObject() + (slot.Offset * sizeof(float));
                Assert.True(address % WeightSlot.AlignmentBytes == 0, $"a slot of {slot.Length} floats starts {address % WeightSlot.AlignmentBytes} bytes past a {WeightSlot.AlignmentBytes}-byte boundary");
            }
            finally
            {
                handle.Free();
            }
        }
    }
}
