using System.ComponentModel;

namespace RnnGen.Threading;

/// <summary>
/// One <c>StepBatch</c> call that <see cref="BatchWorkers"/> may split: generated models implement it with an object
/// kept in their <c>BatchState</c>, so a split call allocates nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IBatchRange
{
    /// <summary>Steps streams [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of the call.</summary>
    void Step(int first, int count);
}
