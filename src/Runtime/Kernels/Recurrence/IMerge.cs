using System;
using System.ComponentModel;

namespace RnnGen.Kernels;

/// <summary>How a bidirectional layer combines its halves into one output vector.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IMerge
{
    /// <summary>Output width for <paramref name="units"/> per direction.</summary>
    static abstract int Width(int units);

    /// <summary>Writes the forward half into a fresh output vector.</summary>
    static abstract void Forward(ReadOnlySpan<float> forward, Span<float> output);

    /// <summary>Combines the backward half with the forward half already in <paramref name="output"/>.</summary>
    static abstract void Backward(ReadOnlySpan<float> backward, Span<float> output);
}

/// <summary>[forward, backward].</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ConcatMerge : IMerge
{
    /// <inheritdoc/>
    public static int Width(int units) => 2 * units;

    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> forward, Span<float> output) => forward.CopyTo(output);

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> backward, Span<float> output) => backward.CopyTo(output.Slice(backward.Length));
}

/// <summary>forward + backward.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct SumMerge : IMerge
{
    /// <inheritdoc/>
    public static int Width(int units) => units;

    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> forward, Span<float> output) => forward.CopyTo(output);

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> backward, Span<float> output)
    {
        for (int j = 0; j < backward.Length; j++)
        {
            output[j] += backward[j];
        }
    }
}

/// <summary>forward · backward, element-wise.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct MultiplyMerge : IMerge
{
    /// <inheritdoc/>
    public static int Width(int units) => units;

    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> forward, Span<float> output) => forward.CopyTo(output);

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> backward, Span<float> output)
    {
        for (int j = 0; j < backward.Length; j++)
        {
            output[j] *= backward[j];
        }
    }
}

/// <summary>(forward + backward) / 2.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct AverageMerge : IMerge
{
    /// <inheritdoc/>
    public static int Width(int units) => units;

    /// <inheritdoc/>
    public static void Forward(ReadOnlySpan<float> forward, Span<float> output) => forward.CopyTo(output);

    /// <inheritdoc/>
    public static void Backward(ReadOnlySpan<float> backward, Span<float> output)
    {
        for (int j = 0; j < backward.Length; j++)
        {
            output[j] = (output[j] + backward[j]) / 2f;
        }
    }
}
