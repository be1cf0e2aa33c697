using System;
using System.ComponentModel;

namespace RnnGen.Kernels;

/// <summary>
/// One direction of a recurrent layer: advances its state by one time step. The state span holds h
/// (the step's output, first <see cref="Units"/> floats) and, for LSTM, c after it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRecurrentCell
{
    /// <summary>Output width per step (units).</summary>
    int Units { get; }

    /// <summary>Floats of state: units, or 2·units for LSTM.</summary>
    int StateLength { get; }

    /// <summary>Floats of scratch <see cref="Step"/> needs.</summary>
    int ScratchLength { get; }

    /// <summary>Reads one input vector, updates <paramref name="state"/> in place.</summary>
    void Step(ReadOnlySpan<float> input, Span<float> state, Span<float> scratch);
}
