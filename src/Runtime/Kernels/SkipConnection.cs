using System;
using System.ComponentModel;

namespace RnnGen.Kernels;

/// <summary>
/// The model option <c>Skip = n</c>: each step's first n input features are added to its first n outputs, after the
/// last layer — the residual that GuitarML / Automated-GuitarAmpModelling models use (<c>lin(lstm(x)) + x[..., :skip]</c>),
/// so the network learns only the difference from the dry signal.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SkipConnection
{
    /// <summary>Adds the skipped inputs of every output step (or, when only the last step is output, of the last step).</summary>
    /// <param name="inputs">T × <paramref name="inputSize"/> floats.</param>
    /// <param name="inputSize">Floats per input step.</param>
    /// <param name="outputs">T × <paramref name="outputSize"/> floats, or <paramref name="outputSize"/> when <paramref name="everyStep"/> is false.</param>
    /// <param name="outputSize">Floats per output step.</param>
    /// <param name="count">n: how many leading features are added.</param>
    /// <param name="timeSteps">T.</param>
    /// <param name="everyStep">Whether every step was output.</param>
    public static void Add(ReadOnlySpan<float> inputs, int inputSize, Span<float> outputs, int outputSize, int count, int timeSteps, bool everyStep)
    {
        int first = everyStep ? 0 : timeSteps - 1;
        for (int t = first; t < timeSteps; t++)
        {
            ReadOnlySpan<float> input = inputs.Slice(t * inputSize, count);
            Span<float> output = outputs.Slice((t - first) * outputSize, count);
            for (int k = 0; k < count; k++)
            {
                output[k] += input[k];
            }
        }
    }
}
