using Xunit;

namespace RnnGen.Tests.Shared;

/// <summary>
/// Tests that assert no garbage collection happened: <see cref="System.GC.CollectionCount"/> counts the whole process,
/// so while other tests ran in parallel their garbage could be collected inside the measured window (a CI run saw one
/// such collection). xunit runs this collection alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GcCountingCollection
{
    public const string Name = "GC counting";
}
