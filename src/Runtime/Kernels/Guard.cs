using System;

namespace RnnGen.Kernels;

/// <summary>Argument checks of generated models, kept out of line so the hot methods stay small.</summary>
public static class Guard
{
    /// <summary>Throws unless a <c>Step</c> call's spans have the model's exact sizes.</summary>
    public static void StepLengths(int inputLength, int inputSize, int outputLength, int outputSize)
    {
        if (inputLength != inputSize)
        {
            ThrowLength("input", $"InputSize = {inputSize} floats", inputLength);
        }

        if (outputLength != outputSize)
        {
            ThrowLength("output", $"OutputSize = {outputSize} floats", outputLength);
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
            ThrowLength("inputs", $"T × InputSize floats with T ≥ 1 and InputSize = {inputSize}", inputsLength);
        }

        int timeSteps = inputsLength / inputSize;
        long expected = returnsSequences ? (long)timeSteps * outputSize : outputSize;
        if (outputsLength != expected)
        {
            string rule = returnsSequences ? $"T × OutputSize = {timeSteps} × {outputSize}" : $"OutputSize (the last step only)";
            ThrowLength("outputs", $"OutputLength({timeSteps}) = {rule} = {expected} floats", outputsLength);
        }

        return timeSteps;
    }

    /// <summary>Scratch floats for a sequence, or an exception when the sequence is too long to buffer.</summary>
    public static int ScratchLength(long length, int timeSteps)
    {
        if (length > Array.MaxLength)
        {
            throw new ArgumentException($"A sequence of {timeSteps} steps needs {length} floats of intermediate buffers, more than one buffer can hold; run it in shorter pieces (the state carries over).", "inputs");
        }

        return (int)length;
    }

    /// <summary>The exception for a state accessor called with a layer/direction that has no such state.</summary>
    public static ArgumentOutOfRangeException NoState(string accessor, int layer, int direction, string statefulLayers) =>
        new(nameof(layer), $"{accessor}({layer}, {direction}): no such state. {statefulLayers}");

    /// <summary>The exception for a default-constructed model struct.</summary>
    public static InvalidOperationException NotInitialized(string model) =>
        new($"This {model} is a default value with no weights; create it with {model}.FromParameters.");

    private static void ThrowLength(string parameter, string expected, int actual) =>
        throw new ArgumentException($"{parameter} must hold {expected}; it holds {actual}.", parameter);
}
