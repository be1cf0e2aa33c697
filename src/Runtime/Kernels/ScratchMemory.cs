using System;
using System.Runtime.InteropServices;

namespace RnnGen.Kernels;

/// <summary>
/// Scratch floats outside the managed heap, for sequences too long for the stack: <c>NativeMemory</c>
/// (malloc/free), so no GC allocation and no collection, whatever the length. Dispose frees it.
/// </summary>
public unsafe ref struct ScratchMemory
{
    private float* _pointer;
    private readonly int _length;

    /// <summary>Reserves <paramref name="length"/> floats (not zeroed).</summary>
    public ScratchMemory(int length)
    {
        _pointer = (float*)NativeMemory.Alloc((nuint)length, sizeof(float));
        _length = length;
    }

    /// <summary>The reserved floats.</summary>
    public readonly Span<float> Span => new(_pointer, _length);

    /// <summary>Frees the memory; safe on a default instance and when called twice.</summary>
    public void Dispose()
    {
        if (_pointer != null)
        {
            NativeMemory.Free(_pointer);
            _pointer = null;
        }
    }
}
