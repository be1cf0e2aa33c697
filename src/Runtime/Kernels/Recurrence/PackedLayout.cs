using System.Runtime.CompilerServices;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels;

/// <summary>What a packed kind adds to <see cref="PackedGeometry"/>: its gate registers per row and trailing registers.</summary>
internal interface IPacking
{
    /// <summary>Gate registers per row.</summary>
    static abstract int Gates { get; }

    /// <summary>Registers after a block's rows.</summary>
    static abstract int TrailingRegisters { get; }
}

/// <summary>
/// <see cref="PackedGeometry"/> for a kernel specialised on its lanes, sizes and kind: every member is a constant once
/// the JIT has inlined it, so kernels read the one definition at no cost.
/// </summary>
internal static class PackedLayout<TLanes, TVector, TSizes, TPacking>
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TPacking : struct, IPacking
{
    /// <summary>The geometry.</summary>
    public static PackedGeometry Geometry
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(TSizes.InputSize, TSizes.Units, TPacking.Gates, TPacking.TrailingRegisters, TLanes.Count);
    }
}

/// <summary>LSTM: i, f, g, o.</summary>
internal readonly struct LstmPacking : IPacking
{
    /// <inheritdoc/>
    public static int Gates => 4;

    /// <inheritdoc/>
    public static int TrailingRegisters => 0;
}

/// <summary>Reset-after GRU: z, r, n, and the candidate's recurrent bias after the rows.</summary>
internal readonly struct GruPacking : IPacking
{
    /// <inheritdoc/>
    public static int Gates => 3;

    /// <inheritdoc/>
    public static int TrailingRegisters => 1;
}

/// <summary>Reset-before GRU: z, r, n (hidden rows split, see <c>LanePacking.Position</c>).</summary>
internal readonly struct GruResetBeforePacking : IPacking
{
    /// <inheritdoc/>
    public static int Gates => 3;

    /// <inheritdoc/>
    public static int TrailingRegisters => 0;
}

/// <summary>SimpleRNN: one register per row.</summary>
internal readonly struct SimpleRnnPacking : IPacking
{
    /// <inheritdoc/>
    public static int Gates => 1;

    /// <inheritdoc/>
    public static int TrailingRegisters => 0;
}
