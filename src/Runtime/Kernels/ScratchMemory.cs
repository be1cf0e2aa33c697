using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RnnGen.Kernels;

/// <summary>
/// Scratch floats outside the managed heap, for sequences too long for the stack: <c>NativeMemory</c>
/// (malloc/free), so no GC allocation and no collection, whatever the length. Dispose frees it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public unsafe ref struct ScratchMemory
{
    private float* _pointer;
    private readonly int _length;

    /// <summary>Reserves <paramref name="length"/> floats (not zeroed).</summary>
    public ScratchMemory(int length)
    {
        _pointer = Allocate(length);
        _length = length;
    }

    /// <summary>The reserved floats.</summary>
    public readonly Span<float> Span => new(_pointer, _length);

    /// <summary>Frees the memory; safe on a default instance and when called twice.</summary>
    public void Dispose()
    {
        if (_pointer != null)
        {
            Free(_pointer);
            _pointer = null;
        }
    }

    // The native calls stay out of line: inlined, their P/Invoke made every method that can reach them (Step, Run,
    // StepBatch) set up an interop frame in its prologue on every call, large layer or not (19 ns of a 5->2 LSTM's
    // 101 ns Step on a Zen 1).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float* Allocate(int length) => (float*)NativeMemory.Alloc((nuint)length, sizeof(float));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Free(float* pointer) => NativeMemory.Free(pointer);
}
