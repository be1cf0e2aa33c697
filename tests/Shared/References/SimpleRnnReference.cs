using System;
using RnnGen.Activations;
using RnnGen.Kernels;

namespace RnnGen.Tests.Shared.References;

/// <summary>h = act(x·W + h·U + b), weights in <see cref="CanonicalLayout"/>.</summary>
/// <typeparam name="TActivation">The layer's activation.</typeparam>
public readonly struct SimpleRnnReference<TActivation> : IRecurrentCell
    where TActivation : struct, IElementwiseActivation
{
    private readonly float[] _weights;
    private readonly int _offset;
    private readonly int _inputSize;

    /// <summary>A cell reading its weights from <paramref name="weights"/> at <paramref name="offset"/>.</summary>
    public SimpleRnnReference(float[] weights, int offset, int inputSize, int units)
    {
        _weights = weights;
        _offset = offset;
        _inputSize = inputSize;
        Units = units;
    }

    /// <inheritdoc/>
    public int Units { get; }

    /// <inheritdoc/>
    public int StateLength => Units;

    /// <inheritdoc/>
    public int ScratchLength => Units;

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<float> input, Span<float> state, Span<float> scratch)
    {
        int units = Units;
        ReadOnlySpan<float> w = _weights.AsSpan(_offset, (_inputSize + units + 1) * units);
        Span<float> h = state.Slice(0, units);
        Span<float> z = scratch.Slice(0, units);

        // z must not alias h: U·h reads the previous h.
        w.Slice((_inputSize + units) * units, units).CopyTo(z);
        ReferenceMath.MultiplyAdd(input, w.Slice(0, _inputSize * units), units, z);
        ReferenceMath.MultiplyAdd(h, w.Slice(_inputSize * units, units * units), units, z);
        for (int j = 0; j < units; j++)
        {
            h[j] = TActivation.Invoke(z[j]);
        }
    }
}
