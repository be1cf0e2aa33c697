using System;

namespace RnnGen.Kernels;

/// <summary>Runs one recurrent layer over a whole sequence, in each direction Keras defines.</summary>
public static class Recurrence
{
    /// <summary>
    /// Steps <paramref name="cell"/> over <paramref name="timeSteps"/> inputs first to last. Writes every step's h
    /// (T × units) when <paramref name="returnSequences"/>, else the last h (units).
    /// </summary>
    public static void Forward<TCell>(in TCell cell, ReadOnlySpan<float> inputs, int timeSteps, Span<float> state, Span<float> outputs, bool returnSequences, Span<float> scratch)
        where TCell : struct, IRecurrentCell
    {
        int width = inputs.Length / timeSteps;
        int units = cell.Units;
        Span<float> h = state.Slice(0, units);
        for (int t = 0; t < timeSteps; t++)
        {
            cell.Step(inputs.Slice(t * width, width), state, scratch);
            if (returnSequences)
            {
                h.CopyTo(outputs.Slice(t * units, units));
            }
        }

        if (!returnSequences)
        {
            h.CopyTo(outputs);
        }
    }

    /// <summary>
    /// Steps <paramref name="cell"/> last input to first (Keras go_backwards). A returned sequence is in processing
    /// order: output 0 is the step that read the last input.
    /// </summary>
    public static void Backward<TCell>(in TCell cell, ReadOnlySpan<float> inputs, int timeSteps, Span<float> state, Span<float> outputs, bool returnSequences, Span<float> scratch)
        where TCell : struct, IRecurrentCell
    {
        int width = inputs.Length / timeSteps;
        int units = cell.Units;
        Span<float> h = state.Slice(0, units);
        for (int k = 0; k < timeSteps; k++)
        {
            cell.Step(inputs.Slice((timeSteps - 1 - k) * width, width), state, scratch);
            if (returnSequences)
            {
                h.CopyTo(outputs.Slice(k * units, units));
            }
        }

        if (!returnSequences)
        {
            h.CopyTo(outputs);
        }
    }

    /// <summary>
    /// Runs <paramref name="forward"/> first to last and <paramref name="backward"/> last to first. A returned
    /// sequence has both halves aligned to input time, merged by <typeparamref name="TMerge"/>; otherwise
    /// the merge of both final h (the backward one after reading the first input).
    /// </summary>
    public static void Bidirectional<TCell, TMerge>(in TCell forward, in TCell backward, ReadOnlySpan<float> inputs, int timeSteps, Span<float> forwardState, Span<float> backwardState, Span<float> outputs, bool returnSequences, Span<float> scratch)
        where TCell : struct, IRecurrentCell
        where TMerge : struct, IMerge
    {
        int width = inputs.Length / timeSteps;
        int units = forward.Units;
        int merged = TMerge.Width(units);
        Span<float> hForward = forwardState.Slice(0, units);
        Span<float> hBackward = backwardState.Slice(0, units);
        for (int t = 0; t < timeSteps; t++)
        {
            forward.Step(inputs.Slice(t * width, width), forwardState, scratch);
            if (returnSequences)
            {
                TMerge.Forward(hForward, outputs.Slice(t * merged, merged));
            }
        }

        for (int t = timeSteps - 1; t >= 0; t--)
        {
            backward.Step(inputs.Slice(t * width, width), backwardState, scratch);
            if (returnSequences)
            {
                TMerge.Backward(hBackward, outputs.Slice(t * merged, merged));
            }
        }

        if (!returnSequences)
        {
            TMerge.Forward(hForward, outputs.Slice(0, merged));
            TMerge.Backward(hBackward, outputs.Slice(0, merged));
        }
    }
}
