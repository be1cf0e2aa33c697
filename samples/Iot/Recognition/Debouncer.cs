namespace Iot.Recognition;

/// <summary>
/// Decides when the shown gesture changes, so one noisy sample does not make it flicker: a new gesture is shown once
/// it has been the model's most probable one for <c>holdSamples</c> consecutive samples with probability at least
/// <c>minimumProbability</c> each time. At 100 Hz the default 15 samples delay a change by 150 ms.
/// </summary>
internal sealed class Debouncer(int holdSamples = 15, float minimumProbability = 0.6f)
{
    private int _candidate = -1;
    private int _run;

    /// <summary>The gesture shown now (-1 before the first one is confirmed).</summary>
    public int Shown { get; private set; } = -1;

    /// <summary>Feeds one step's winner; true when <see cref="Shown"/> changed.</summary>
    public bool Update(int gesture, float probability)
    {
        if (gesture != _candidate || probability < minimumProbability)
        {
            _candidate = probability >= minimumProbability ? gesture : -1;
            _run = _candidate >= 0 ? 1 : 0;
        }
        else
        {
            _run++;
        }

        if (_candidate >= 0 && _candidate != Shown && _run >= holdSamples)
        {
            Shown = _candidate;
            return true;
        }

        return false;
    }
}
