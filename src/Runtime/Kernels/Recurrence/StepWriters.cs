using System;

namespace RnnGen.Kernels;

/// <summary>Where a recurrence writes each step's h.</summary>
internal interface IStepWriter
{
    static abstract void Write(ReadOnlySpan<float> h, Span<float> outputs, int inputIndex, int processIndex, int width);
}

/// <summary>Only the final state matters.</summary>
internal readonly struct Nowhere : IStepWriter
{
    public static void Write(ReadOnlySpan<float> h, Span<float> outputs, int inputIndex, int processIndex, int width)
    {
    }
}

/// <summary>Keras return_sequences of a one-way layer: in processing order (a Backward layer's first output read the last input).</summary>
internal readonly struct InProcessingOrder : IStepWriter
{
    public static void Write(ReadOnlySpan<float> h, Span<float> outputs, int inputIndex, int processIndex, int width) =>
        h.CopyTo(outputs.Slice(processIndex * h.Length, h.Length));
}

/// <summary>Bidirectional, forward half: starts the merged vector at input time.</summary>
internal readonly struct MergeForward<TMerge> : IStepWriter
    where TMerge : struct, IMerge
{
    public static void Write(ReadOnlySpan<float> h, Span<float> outputs, int inputIndex, int processIndex, int width) =>
        TMerge.Forward(h, outputs.Slice(inputIndex * width, width));
}

/// <summary>Bidirectional, backward half: merged at input time, so both halves align.</summary>
internal readonly struct MergeBackward<TMerge> : IStepWriter
    where TMerge : struct, IMerge
{
    public static void Write(ReadOnlySpan<float> h, Span<float> outputs, int inputIndex, int processIndex, int width) =>
        TMerge.Backward(h, outputs.Slice(inputIndex * width, width));
}
