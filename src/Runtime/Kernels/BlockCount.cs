namespace RnnGen.Kernels;

/// <summary>How many register blocks of units a kernel helper steps at once: a type argument, so a constant to the JIT.</summary>
internal interface IBlockCount
{
    static abstract int Count { get; }
}

/// <summary>The last block of an odd count.</summary>
internal readonly struct OneBlock : IBlockCount
{
    public static int Count => 1;
}

/// <summary>Two blocks: twice the independent FMA chains of one.</summary>
internal readonly struct TwoBlocks : IBlockCount
{
    public static int Count => 2;
}
