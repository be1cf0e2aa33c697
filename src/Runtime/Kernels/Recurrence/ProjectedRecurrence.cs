using System;
using System.ComponentModel;

namespace RnnGen.Kernels;

/// <summary>
/// Runs one recurrent layer over a whole sequence, in each direction Keras defines, for cells that project their
/// inputs ahead: the sequence is cut into chunks that fit the projection buffer; each chunk's input half is computed
/// in one GEMM-like pass, then its steps recur. Outputs are placed by the <see cref="IStepWriter"/>s.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ProjectedRecurrence
{
    /// <summary>
    /// Steps <paramref name="cell"/> over <paramref name="timeSteps"/> inputs first to last. Writes every step's h
    /// (T × units) when <paramref name="returnSequences"/>, else the last h (units).
    /// </summary>
    public static void Forward<TCell>(in TCell cell, ReadOnlySpan<float> inputs, int timeSteps, Span<float> state, Span<float> outputs, bool returnSequences, Span<float> scratch, Span<float> projections)
        where TCell : struct, IProjectingCell => OneWay(cell, inputs, timeSteps, state, reverse: false, outputs, returnSequences, scratch, projections);

    /// <summary>
    /// Steps <paramref name="cell"/> last input to first (Keras go_backwards). A returned sequence is in processing
    /// order: output 0 is the step that read the last input.
    /// </summary>
    public static void Backward<TCell>(in TCell cell, ReadOnlySpan<float> inputs, int timeSteps, Span<float> state, Span<float> outputs, bool returnSequences, Span<float> scratch, Span<float> projections)
        where TCell : struct, IProjectingCell => OneWay(cell, inputs, timeSteps, state, reverse: true, outputs, returnSequences, scratch, projections);

    /// <summary>
    /// Runs <paramref name="forward"/> first to last and <paramref name="backward"/> last to first. A returned
    /// sequence has both halves aligned to input time, merged by <typeparamref name="TMerge"/>; otherwise
    /// the merge of both final h (the backward one after reading the first input).
    /// </summary>
    public static void Bidirectional<TCell, TMerge>(in TCell forward, in TCell backward, ReadOnlySpan<float> inputs, int timeSteps, Span<float> forwardState, Span<float> backwardState, Span<float> outputs, bool returnSequences, Span<float> scratch, Span<float> projections)
        where TCell : struct, IProjectingCell
        where TMerge : struct, IMerge
    {
        int merged = TMerge.Width(forward.Units);
        if (returnSequences)
        {
            Pass<TCell, MergeForward<TMerge>>(forward, inputs, timeSteps, forwardState, reverse: false, outputs, merged, scratch, projections);
            Pass<TCell, MergeBackward<TMerge>>(backward, inputs, timeSteps, backwardState, reverse: true, outputs, merged, scratch, projections);
            return;
        }

        Pass<TCell, Nowhere>(forward, inputs, timeSteps, forwardState, reverse: false, outputs, merged, scratch, projections);
        Pass<TCell, Nowhere>(backward, inputs, timeSteps, backwardState, reverse: true, outputs, merged, scratch, projections);
        TMerge.Forward(forwardState.Slice(0, forward.Units), outputs.Slice(0, merged));
        TMerge.Backward(backwardState.Slice(0, backward.Units), outputs.Slice(0, merged));
    }

    private static void OneWay<TCell>(in TCell cell, ReadOnlySpan<float> inputs, int timeSteps, Span<float> state, bool reverse, Span<float> outputs, bool returnSequences, Span<float> scratch, Span<float> projections)
        where TCell : struct, IProjectingCell
    {
        if (returnSequences)
        {
            Pass<TCell, InProcessingOrder>(cell, inputs, timeSteps, state, reverse, outputs, 0, scratch, projections);
            return;
        }

        Pass<TCell, Nowhere>(cell, inputs, timeSteps, state, reverse, outputs, 0, scratch, projections);
        state.Slice(0, cell.Units).CopyTo(outputs);
    }

    /// <summary>One direction over the whole sequence, chunk by chunk; <typeparamref name="TWriter"/> places each h.</summary>
    private static void Pass<TCell, TWriter>(in TCell cell, ReadOnlySpan<float> inputs, int timeSteps, Span<float> state, bool reverse, Span<float> outputs, int width, Span<float> scratch, Span<float> projections)
        where TCell : struct, IProjectingCell
        where TWriter : struct, IStepWriter
    {
        int inputWidth = inputs.Length / timeSteps;
        int perStep = cell.ProjectionLength;
        int chunk = projections.Length / perStep;
        if (chunk < 1)
        {
            KernelErrors.ThrowSizes("projected recurrence");
        }

        ReadOnlySpan<float> h = state.Slice(0, cell.Units);
        int processed = 0;
        for (int done = 0; done < timeSteps; done += chunk)
        {
            int steps = Math.Min(chunk, timeSteps - done);
            int first = reverse ? timeSteps - done - steps : done;
            cell.Project(inputs.Slice(first * inputWidth, steps * inputWidth), steps, projections);
            for (int j = 0; j < steps; j++)
            {
                int local = reverse ? steps - 1 - j : j;
                cell.Recur(projections.Slice(local * perStep, perStep), state, scratch);
                TWriter.Write(h, outputs, first + local, processed++, width);
            }
        }
    }
}
