namespace RnnGen.Kernels;

/// <summary>
/// A small count as a type argument (streams in a register tile, blocks in a pass), so each kernel helper is compiled
/// for it: the JIT sees a constant and drops the code the other counts need.
/// </summary>
internal interface ICount
{
    static abstract int Count { get; }
}

internal readonly struct One : ICount
{
    public static int Count => 1;
}

internal readonly struct Two : ICount
{
    public static int Count => 2;
}

internal readonly struct Four : ICount
{
    public static int Count => 4;
}
