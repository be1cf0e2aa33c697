namespace RnnGen.Tests.Golden;

/// <summary>
/// How far RnnGen's outcome of a run is from the framework's: the xunit golden tests and the NativeAOT check
/// (tests/RnnGen.AotTests) judge by this one rule.
/// </summary>
public static class GoldenComparison
{
    /// <summary>Max absolute error allowed against the frameworks (float32 with a different summation order).</summary>
    public const float Tolerance = 1e-5f;

    /// <summary>The largest |error| over the outputs and every final state of <paramref name="run"/>.</summary>
    public static GoldenError Worst(GoldenRun run, GoldenOutcome outcome)
    {
        GoldenError worst = Worst(run.Outputs, outcome.Outputs, "outputs");
        for (int i = 0; i < run.FinalStates.Count; i++)
        {
            GoldenError state = Worst(run.FinalStates[i].Values, outcome.FinalStates[i], "final " + run.FinalStates[i]);
            if (!(state.Error <= worst.Error))
            {
                worst = state;
            }
        }

        return worst;
    }

    private static GoldenError Worst(float[] expected, float[] actual, string what)
    {
        if (expected.Length != actual.Length)
        {
            return new GoldenError(float.PositiveInfinity, $"{what}: expected {expected.Length} values, got {actual.Length}");
        }

        float worst = 0;
        int at = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            float error = Math.Abs(expected[i] - actual[i]);
            if (!(error <= worst))
            {
                worst = error;
                at = i; // NaN lands here too, and then fails the tolerance
            }
        }

        return new GoldenError(worst, at < 0 ? what : $"{what}: max |error| {worst:E3} at index {at} (expected {expected[at]}, got {actual[at]})");
    }
}

/// <summary>The largest error of a run and a sentence saying where it is.</summary>
public readonly record struct GoldenError(float Error, string Where)
{
    public bool WithinTolerance => Error <= GoldenComparison.Tolerance;
}
