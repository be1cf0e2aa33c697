using System;
using System.Runtime.CompilerServices;

namespace RnnGen.Kernels;

/// <summary>
/// A whole register's worth of a state vector at a block: the vector itself where the block is full, else a
/// zero-padded copy (the last block when units are not a multiple of the lanes), written back by <see cref="Leave"/>.
/// Sizes are the kernel's constants, so the copies compile to a few moves instead of memmove calls.
/// </summary>
internal static class BlockRef
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref float Enter(ref float vector, int first, int units, int lanes, ref float partial)
    {
        if (first + lanes <= units)
        {
            return ref Unsafe.Add(ref vector, first);
        }

        // Only the last block is partial; it holds units % lanes floats.
        Unsafe.InitBlockUnaligned(ref Unsafe.As<float, byte>(ref partial), 0, (uint)(lanes * sizeof(float)));
        Copy(ref partial, ref Unsafe.Add(ref vector, first), units % lanes);
        return ref partial;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Leave(ref float vector, int first, int units, int lanes, ref float partial)
    {
        if (first + lanes > units)
        {
            Copy(ref Unsafe.Add(ref vector, first), ref partial, units % lanes);
        }
    }

    /// <summary>Copies <paramref name="count"/> floats; with a constant count the JIT emits plain moves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(ref float destination, ref float source, int count) =>
        Unsafe.CopyBlockUnaligned(ref Unsafe.As<float, byte>(ref destination), ref Unsafe.As<float, byte>(ref source), (uint)(count * sizeof(float)));
}

/// <summary>Errors of kernels called with spans that do not fit their sizes (a bug in generated code, not user input).</summary>
internal static class KernelErrors
{
    public static void ThrowSizes(string kernel) =>
        throw new ArgumentException($"The {kernel} kernel was given spans smaller than its sizes require.");
}
