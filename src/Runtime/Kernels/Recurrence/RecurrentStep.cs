using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace RnnGen.Kernels;

/// <summary>
/// One streamed step of a recurrent cell with scratch the cell sizes for its own register width, taken here without
/// zeroing: a model's own stackalloc is zeroed unless the user's project allows unsafe code, and zeroing the 640 bytes
/// a small LSTM's step reserved for the widest registers was a call to a memset helper on every Step.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RecurrentStep
{
    /// <summary>Advances <paramref name="state"/> by one input vector (scratch on the stack, or native memory for huge layers).</summary>
    [SkipLocalsInit] // every scratch float is written before it is read
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // timed by PathCalibration before tiering would reach it
    public static void Step<TCell>(TCell cell, ReadOnlySpan<float> input, Span<float> state)
        where TCell : struct, IRecurrentCell
    {
        int length = cell.ScratchLength;
        if (length > ModelLimits.StackScratchFloats)
        {
            StepOnNativeScratch(cell, input, state, length);
            return;
        }

        cell.Step(input, state, stackalloc float[length]);
    }

    // Apart from Step, so the hot method carries neither the native allocation nor its try/finally, for a path only
    // huge layers take (see ScratchMemory).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StepOnNativeScratch<TCell>(TCell cell, ReadOnlySpan<float> input, Span<float> state, int length)
        where TCell : struct, IRecurrentCell
    {
        using var memory = new ScratchMemory(length);
        cell.Step(input, state, memory.Span);
    }
}
