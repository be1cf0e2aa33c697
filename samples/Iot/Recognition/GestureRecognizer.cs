using System;
using System.Diagnostics;

namespace Iot.Recognition;

/// <summary>
/// Normalises each IMU sample as training did and runs one model step, carrying the LSTM state from sample to sample
/// for as long as the program runs. Allocates nothing per sample.
/// </summary>
internal sealed class GestureRecognizer(GestureModel model)
{
    private readonly float[] _input = new float[GestureModel.InputSize];
    private readonly float[] _probabilities = new float[GestureModel.OutputSize];
    private GestureModel.State _state;

    public GestureModel Model { get; } = model;

    /// <summary>The most probable gesture after the last step (index into <see cref="Gestures.Names"/>).</summary>
    public int Gesture { get; private set; }

    public float Probability => _probabilities[Gesture];

    public ReadOnlySpan<float> Probabilities => _probabilities;

    /// <summary>Back to the zero state the model starts from.</summary>
    public void Reset() => _state.Reset();

    /// <summary>Runs one step on ax, ay, az (g), gx, gy, gz (°/s); returns the Stopwatch ticks spent in the model step alone.</summary>
    public long Step(ReadOnlySpan<float> sample)
    {
        for (int i = 0; i < _input.Length; i++)
        {
            _input[i] = (sample[i] - GestureNormalization.Mean[i]) / GestureNormalization.StdDev[i];
        }

        long start = Stopwatch.GetTimestamp();
        Model.Step(_input, ref _state, _probabilities);
        long ticks = Stopwatch.GetTimestamp() - start;

        int best = 0;
        for (int i = 1; i < _probabilities.Length; i++)
        {
            if (_probabilities[i] > _probabilities[best])
            {
                best = i;
            }
        }

        Gesture = best;
        return ticks;
    }
}
