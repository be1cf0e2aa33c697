using System;

namespace RnnGen.Kernels;

/// <summary>
/// Runs one recurrent layer over a whole sequence, in each direction Keras defines, stepping the cell input by
/// input. <see cref="ProjectedRecurrence"/> does the same for cells that project their inputs ahead; both place
/// outputs with the same <see cref="IStepWriter"/>s.
/// </summary>
public static class Recurrence
{
    /// <summary>
    /// Steps <paramref name="cell"/> over <paramref name="timeSteps"/> inputs first to last. Writes every step's h
    /// (T × units) when <paramref name="returnSequences"/>, else the last h (units).
    /// </summary>
    public static void Forward<TCell>(in TCell cell, ReadOnlySpan<float> inputs, int timeSteps, Span<float> state, Span<float> outputs, bool returnSequences, Span<float> scratch)
        where TCell : struct, IRecurrentCell => OneWay(cell, inputs, timeSteps, state, reverse: false, outputs, returnSequences, scratch);

    /// <summary>
    /// Steps <paramref name="cell"/> last input to first (Keras go_backwards). A returned sequence is in processing
    /// order: output 0 is the step that read the last input.
    /// </summary>
    public static void Backward<TCell>(in TCell cell, ReadOnlySpan<float> inputs, int timeSteps, Span<float> state, Span<float> outputs, bool returnSequences, Span<float> scratch)
        where TCell : struct, IRecurrentCell => OneWay(cell, inputs, timeSteps, state, reverse: true, outputs, returnSequences, scratch);

    /// <summary>
    /// Runs <paramref name="forward"/> first to last and <paramref name="backward"/> last to first. A returned
    /// sequence has both halves aligned to input time, merged by <typeparamref name="TMerge"/>; otherwise
    /// the merge of both final h (the backward one after reading the first input).
    /// </summary>
    public static void Bidirectional<TCell, TMerge>(in TCell forward, in TCell backward, ReadOnlySpan<float> inputs, int timeSteps, Span<float> forwardState, Span<float> backwardState, Span<float> outputs, bool returnSequences, Span<float> scratch)
        where TCell : struct, IRecurrentCell
        where TMerge : struct, IMerge
    {
        int merged = TMerge.Width(forward.Units);
        if (returnSequences)
        {
            Pass<TCell, MergeForward<TMerge>>(forward, inputs, timeSteps, forwardState, reverse: false, outputs, merged, scratch);
            Pass<TCell, MergeBackward<TMerge>>(backward, inputs, timeSteps, backwardState, reverse: true, outputs, merged, scratch);
            return;
        }

        Pass<TCell, Nowhere>(forward, inputs, timeSteps, forwardState, reverse: false, outputs, merged, scratch);
        Pass<TCell, Nowhere>(backward, inputs, timeSteps, backwardState, reverse: true, outputs, merged, scratch);
        TMerge.Forward(forwardState.Slice(0, forward.Units), outputs.Slice(0, merged));
        TMerge.Backward(backwardState.Slice(0, backward.Units), outputs.Slice(0, merged));
    }

    private static void OneWay<TCell>(in TCell cell, ReadOnlySpan<float> inputs, int timeSteps, Span<float> state, bool reverse, Span<float> outputs, bool returnSequences, Span<float> scratch)
        where TCell : struct, IRecurrentCell
    {
        if (returnSequences)
        {
            Pass<TCell, InProcessingOrder>(cell, inputs, timeSteps, state, reverse, outputs, 0, scratch);
            return;
        }

        Pass<TCell, Nowhere>(cell, inputs, timeSteps, state, reverse, outputs, 0, scratch);
        state.Slice(0, cell.Units).CopyTo(outputs);
    }

    /// <summary>One direction over the whole sequence; <typeparamref name="TWriter"/> places each h.</summary>
    private static void Pass<TCell, TWriter>(in TCell cell, ReadOnlySpan<float> inputs, int timeSteps, Span<float> state, bool reverse, Span<float> outputs, int width, Span<float> scratch)
        where TCell : struct, IRecurrentCell
        where TWriter : struct, IStepWriter
    {
        int inputWidth = inputs.Length / timeSteps;
        ReadOnlySpan<float> h = state.Slice(0, cell.Units);
        for (int processed = 0; processed < timeSteps; processed++)
        {
            int t = reverse ? timeSteps - 1 - processed : processed;
            cell.Step(inputs.Slice(t * inputWidth, inputWidth), state, scratch);
            TWriter.Write(h, outputs, t, processed, width);
        }
    }
}
