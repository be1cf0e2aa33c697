using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RnnGen.Kernels;

/// <summary>
/// A whole register's worth of a state vector at a block: the vector itself where the block is full, else a
/// zero-padded copy (the last block when units are not a multiple of the lanes), written back by <see cref="Leave"/>.
/// </summary>
internal static class BlockRef
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref float Enter(Span<float> vector, int first, int lanes, ref float partial)
    {
        if (first + lanes <= vector.Length)
        {
            return ref vector[first];
        }

        Span<float> copy = MemoryMarshal.CreateSpan(ref partial, lanes);
        copy.Clear();
        vector.Slice(first).CopyTo(copy);
        return ref partial;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Leave(Span<float> vector, int first, int lanes, ref float partial)
    {
        if (first + lanes > vector.Length)
        {
            MemoryMarshal.CreateReadOnlySpan(ref partial, vector.Length - first).CopyTo(vector.Slice(first));
        }
    }
}

/// <summary>Errors of kernels called with spans that do not fit their sizes (a bug in generated code, not user input).</summary>
internal static class KernelErrors
{
    public static void ThrowSizes(string kernel) =>
        throw new ArgumentException($"The {kernel} kernel was given spans smaller than its sizes require.");
}
