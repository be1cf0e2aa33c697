using System;
using System.ComponentModel;

namespace RnnGen.Weights;

/// <summary>
/// The weights of one kernel call (see <see cref="WeightSlots"/>): <see cref="Length"/> floats that start on a
/// 64-byte boundary and never move. Lane kernels read them one register at a time at multiples of the register
/// width, so from an aligned start no load straddles two cache lines; from an ordinary array (8-byte aligned, and
/// moved by the GC) half of the 32-byte loads did, which made the same model's Step alternate between two speeds
/// from one process to the next (LSTM 8→32 on Zen 1: 600–635 ns aligned, 700–780 ns not).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct WeightSlot
{
    /// <summary>Where every slot starts: a cache line, which is also the widest register (Vector512).</summary>
    public const int AlignmentBytes = 64;

    private const int AlignmentFloats = AlignmentBytes / sizeof(float);

    private WeightSlot(float[] array, int offset, int length)
    {
        Array = array;
        Offset = offset;
        Length = length;
    }

    /// <summary>The pinned array holding the slot, from <see cref="Offset"/> on.</summary>
    public float[] Array { get; }

    /// <summary>Index of the slot's first float in <see cref="Array"/>.</summary>
    public int Offset { get; }

    /// <summary>Floats in the slot.</summary>
    public int Length { get; }

    /// <summary>The slot's weights.</summary>
    public ReadOnlySpan<float> Span => new(Array, Offset, Length);

    /// <summary>A zeroed slot of <paramref name="length"/> floats; <paramref name="contents"/> is where to write them.</summary>
    public static WeightSlot Allocate(int length, out Span<float> contents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);

        // The pinned object heap never moves its arrays, so an offset chosen once stays aligned for the array's life.
        float[] array = GC.AllocateArray<float>(length + AlignmentFloats - 1, pinned: true);
        int offset = FloatsToBoundary(array);
        contents = array.AsSpan(offset, length);
        return new WeightSlot(array, offset, length);
    }

    /// <summary>A slot holding a copy of <paramref name="values"/>.</summary>
    public static WeightSlot CopyOf(ReadOnlySpan<float> values)
    {
        WeightSlot slot = Allocate(values.Length, out Span<float> contents);
        values.CopyTo(contents);
        return slot;
    }

    private static unsafe int FloatsToBoundary(float[] pinnedArray)
    {
        fixed (float* first = pinnedArray)
        {
            int bytesPast = (int)((nuint)first % AlignmentBytes);
            return (AlignmentBytes - bytesPast) % AlignmentBytes / sizeof(float);
        }
    }
}
