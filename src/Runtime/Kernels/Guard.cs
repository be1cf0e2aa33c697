using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace RnnGen.Kernels;

/// <summary>Argument checks of generated models, kept out of line so the hot methods stay small.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Guard
{
    /// <summary>Throws unless a <c>Step</c> call's spans have the model's exact sizes.</summary>
    public static void StepLengths(int inputLength, int inputSize, int outputLength, int outputSize)
    {
        if (inputLength != inputSize)
        {
            ThrowSize("input", "InputSize", inputSize, inputLength);
        }

        if (outputLength != outputSize)
        {
            ThrowSize("output", "OutputSize", outputSize, outputLength);
        }
    }

    /// <summary>
    /// Throws unless <c>Run</c>'s inputs hold whole time steps (at least one) and its outputs exactly
    /// <c>OutputLength(T)</c>; returns T.
    /// </summary>
    public static int TimeSteps(int inputsLength, int inputSize, int outputsLength, int outputSize, bool returnsSequences)
    {
        if (inputsLength == 0 || inputsLength % inputSize != 0)
        {
            ThrowRunInputs(inputSize, inputsLength);
        }

        int timeSteps = inputsLength / inputSize;
        long expected = returnsSequences ? (long)timeSteps * outputSize : outputSize;
        if (outputsLength != expected)
        {
            ThrowRunOutputs(timeSteps, outputSize, returnsSequences, expected, outputsLength);
        }

        return timeSteps;
    }

    /// <summary>
    /// Throws unless <c>StepBatch</c>'s inputs hold N whole input vectors with 1 ≤ N ≤ <paramref name="capacity"/>
    /// and its outputs exactly N × OutputSize floats; returns N.
    /// </summary>
    public static int BatchStreams(int inputsLength, int inputSize, int outputsLength, int outputSize, int capacity)
    {
        if (inputsLength == 0 || inputsLength % inputSize != 0 || inputsLength / inputSize > capacity)
        {
            ThrowBatchInputs(inputSize, capacity, inputsLength);
        }

        int streams = inputsLength / inputSize;
        if (outputsLength != streams * outputSize)
        {
            ThrowBatchOutputs(streams, outputSize, outputsLength);
        }

        return streams;
    }

    /// <summary>Scratch floats for a sequence, or an exception when the sequence is too long to buffer.</summary>
    public static int ScratchLength(long length, int timeSteps)
    {
        if (length > Array.MaxLength)
        {
            ThrowTooLong(timeSteps, length);
        }

        return (int)length;
    }

    /// <summary>The exception for a state accessor called with a layer/direction that has no such state.</summary>
    public static ArgumentOutOfRangeException NoState(string accessor, int layer, int direction, string statefulLayers) =>
        new(nameof(layer), $"{accessor}({layer}, {direction}): no such state. {statefulLayers}");

    /// <summary>The exception for a <c>BatchState</c> stream index outside [0, Capacity).</summary>
    public static ArgumentOutOfRangeException NoStream(int stream, int capacity) =>
        new(nameof(stream), stream, $"A stream index is from 0 to Capacity - 1 = {capacity - 1}.");

    /// <summary>The exception for a default-constructed model struct.</summary>
    public static InvalidOperationException NotInitialized(string model) =>
        new($"This {model} is a default value with no weights; create it with {model}.FromParameters.");

    // The messages are built only here, out of line: an interpolated string in a check that the JIT inlines into Step
    // made every Step zero its handler's 80 bytes of stack.
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowSize(string parameter, string size, int expected, int actual) =>
        ThrowLength(parameter, $"{size} = {expected} floats", actual);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooLong(int timeSteps, long length) =>
        throw new ArgumentException($"A sequence of {timeSteps} steps needs {length} floats of intermediate buffers, more than one buffer can hold; run it in shorter pieces (the state carries over).", "inputs");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRunInputs(int inputSize, int actual) =>
        ThrowLength("inputs", $"T × InputSize floats with T ≥ 1 and InputSize = {inputSize}", actual);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRunOutputs(int timeSteps, int outputSize, bool returnsSequences, long expected, int actual)
    {
        string rule = returnsSequences ? $"T × OutputSize = {timeSteps} × {outputSize}" : "OutputSize (the last step only)";
        ThrowLength("outputs", $"OutputLength({timeSteps}) = {rule} = {expected} floats", actual);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBatchInputs(int inputSize, int capacity, int actual) =>
        ThrowLength("inputs", $"N × InputSize floats with 1 ≤ N ≤ Capacity = {capacity} and InputSize = {inputSize}", actual);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBatchOutputs(int streams, int outputSize, int actual) =>
        ThrowLength("outputs", $"N × OutputSize = {streams} × {outputSize} = {streams * outputSize} floats", actual);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLength(string parameter, string expected, int actual) =>
        throw new ArgumentException($"{parameter} must hold {expected}; it holds {actual}.", parameter);
}
