using System;
using System.ComponentModel;
using RnnGen.Activations;

namespace RnnGen.Kernels;

/// <summary>y = act(x·W + b), weights in <see cref="CanonicalLayout"/> (kernel [in, units], then bias).</summary>
/// <typeparam name="TActivation">The layer's activation (Softmax allowed).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct DenseLayer<TActivation>
    where TActivation : struct, IActivation
{
    private readonly float[] _weights;
    private readonly int _offset;
    private readonly int _inputSize;
    private readonly int _units;

    /// <summary>A layer reading its weights from <paramref name="weights"/> at <paramref name="offset"/>.</summary>
    public DenseLayer(float[] weights, int offset, int inputSize, int units)
    {
        _weights = weights;
        _offset = offset;
        _inputSize = inputSize;
        _units = units;
    }

    /// <summary>A layer reading its weights (kernel, then bias) from <paramref name="weights"/>.</summary>
    public DenseLayer(Weights.WeightSlot weights, int inputSize, int units)
        : this(weights.Array, weights.Offset, inputSize, units)
    {
    }

    /// <summary>Computes one output vector; <paramref name="output"/> must not overlap <paramref name="input"/>.</summary>
    public void Apply(ReadOnlySpan<float> input, Span<float> output)
    {
        ReadOnlySpan<float> w = _weights.AsSpan(_offset, (_inputSize + 1) * _units);
        Span<float> y = output.Slice(0, _units);
        w.Slice(_inputSize * _units, _units).CopyTo(y);
        MatrixVector.MultiplyAdd(input.Slice(0, _inputSize), w.Slice(0, _inputSize * _units), _units, y);
        TActivation.Apply(y);
    }

    /// <summary>
    /// One output vector for each of <paramref name="streams"/> streams (stream s's input at s ×
    /// <paramref name="inputStride"/>, its output at s × <paramref name="outputStride"/>), exactly as
    /// <see cref="Apply"/> per stream, with each weight register loaded once per four streams.
    /// </summary>
    public void ApplyBatch<TLanes, TVector>(ReadOnlySpan<float> inputs, int inputStride, Span<float> outputs, int outputStride, int streams)
        where TLanes : struct, Lanes.ILanes<TVector>
        where TVector : struct
    {
        Batch.DenseTiles<TLanes, TVector>.MultiplyAdd(_weights.AsSpan(_offset, (_inputSize + 1) * _units), _inputSize, _units, inputs, inputStride, outputs, outputStride, streams);
        for (int stream = 0; stream < streams; stream++)
        {
            TActivation.Apply(outputs.Slice(stream * outputStride, _units));
        }
    }

    /// <summary>Applies the layer to each of <paramref name="timeSteps"/> consecutive input vectors.</summary>
    public void ApplySequence(ReadOnlySpan<float> inputs, Span<float> outputs, int timeSteps)
    {
        for (int t = 0; t < timeSteps; t++)
        {
            Apply(inputs.Slice(t * _inputSize, _inputSize), outputs.Slice(t * _units, _units));
        }
    }
}
