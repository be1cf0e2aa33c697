using System;
using System.ComponentModel;
using RnnGen.Activations;

namespace RnnGen.Kernels;

/// <summary>
/// A standalone activation layer: y = act(x), as many outputs as inputs. It writes a copy, because its input may be a
/// recurrent layer's state, which the next step still needs unchanged.
/// </summary>
/// <typeparam name="TActivation">The activation (Softmax allowed: it acts on the whole vector).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ActivationLayer<TActivation>
    where TActivation : struct, IActivation
{
    private readonly int _width;

    /// <summary>A layer over vectors of <paramref name="width"/> floats.</summary>
    public ActivationLayer(int width) => _width = width;

    /// <summary>One output vector; <paramref name="output"/> must not overlap <paramref name="input"/>.</summary>
    public void Apply(ReadOnlySpan<float> input, Span<float> output)
    {
        Span<float> y = output.Slice(0, _width);
        input.Slice(0, _width).CopyTo(y);
        TActivation.Apply(y);
    }

    /// <summary>One output vector per stream (stream s's input at s × <paramref name="inputStride"/>, its output at s × <paramref name="outputStride"/>).</summary>
    public void ApplyBatch(ReadOnlySpan<float> inputs, int inputStride, Span<float> outputs, int outputStride, int streams)
    {
        for (int stream = 0; stream < streams; stream++)
        {
            Apply(inputs.Slice(stream * inputStride), outputs.Slice(stream * outputStride));
        }
    }

    /// <summary>Applies the layer to each of <paramref name="timeSteps"/> consecutive input vectors.</summary>
    public void ApplySequence(ReadOnlySpan<float> inputs, Span<float> outputs, int timeSteps)
    {
        for (int t = 0; t < timeSteps; t++)
        {
            Apply(inputs.Slice(t * _width, _width), outputs.Slice(t * _width, _width));
        }
    }
}
