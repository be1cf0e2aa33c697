using System;
using System.ComponentModel;
using System.Runtime.InteropServices;

namespace RnnGen.Weights;

/// <summary>
/// Reads weights the generator baked into a string literal: each float32 is two UTF-16 code units, low half first. The
/// compiler reads one literal token far faster than an array initializer of the same floats (at 400k weights a build
/// took 5.0 s instead of 15 s here), and the literal lives in the binary's data, not on the GC heap.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BakedData
{
    /// <summary>The floats in <paramref name="literal"/>, in place (no copy).</summary>
    /// <exception cref="PlatformNotSupportedException">A big-endian process, where the halves would be swapped.</exception>
    public static ReadOnlySpan<float> AsFloats(ReadOnlySpan<char> literal) => BitConverter.IsLittleEndian
        ? MemoryMarshal.Cast<char, float>(literal)
        : throw new PlatformNotSupportedException("Weights baked by RnnGen are stored little-endian; load them with FromSafetensors on a big-endian machine.");
}
