namespace RnnGen.Kernels.Batch;

/// <summary>How many streams one register tile of <see cref="GateTiles{TLanes, TVector, TSizes, TCell}"/> steps at once.</summary>
internal interface IStreamTile
{
    static abstract int Count { get; }
}

/// <summary>One stream: the last odd one.</summary>
internal readonly struct OneStream : IStreamTile
{
    public static int Count => 1;
}

/// <summary>Two streams: 8 sums + 4 weights + 2 broadcasts fit 16 vector registers (AVX2 without AVX-512).</summary>
internal readonly struct TwoStreams : IStreamTile
{
    public static int Count => 2;
}

/// <summary>Four streams: 16 sums + 4 weights + broadcasts need the 32 registers of AVX-512 (any width) or NEON.</summary>
internal readonly struct FourStreams : IStreamTile
{
    public static int Count => 4;
}
