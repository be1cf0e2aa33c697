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
/// <see cref="PackedGeometry"/>'s formulas for a kernel specialised on its lanes, sizes and kind: each member is a
/// constant once the JIT has inlined it, so kernels read the one definition at no cost.
/// </summary>
internal static class PackedLayout<TLanes, TVector, TSizes, TPacking>
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TPacking : struct, IPacking
{
    /// <summary>Floats of one row.</summary>
    public static int RowLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedGeometry.RowLengthOf(TPacking.Gates, TLanes.Count);
    }

    /// <summary>Floats of one block.</summary>
    public static int BlockLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedGeometry.BlockLengthOf(TSizes.InputSize, TSizes.Units, TPacking.Gates, TPacking.TrailingRegisters, TLanes.Count);
    }

    /// <summary>Blocks of a direction.</summary>
    public static int Blocks
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedGeometry.BlocksOf(TSizes.Units, TLanes.Count);
    }

    /// <summary>Units in whole registers.</summary>
    public static int PaddedUnits
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedGeometry.PaddedUnitsOf(TSizes.Units, TLanes.Count);
    }

    /// <summary>Where a block's hidden rows start.</summary>
    public static int HiddenRowsStart
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedGeometry.HiddenRowsStartOf(TSizes.InputSize, TPacking.Gates, TLanes.Count);
    }

    /// <summary>Where a block's bias row starts.</summary>
    public static int BiasRowStart
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedGeometry.BiasRowStartOf(TSizes.InputSize, TSizes.Units, TPacking.Gates, TLanes.Count);
    }

    /// <summary>Floats of one step's input projection.</summary>
    public static int ProjectionLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedGeometry.ProjectionLengthOf(TSizes.Units, TPacking.Gates, TLanes.Count);
    }

    /// <summary>Scratch of one single-stream step.</summary>
    public static int StepScratchLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedGeometry.StepScratchLengthOf(TSizes.Units, TLanes.Count);
    }

    /// <summary>Scratch of one reset-before GRU step.</summary>
    public static int ResetBeforeScratchLength
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => PackedGeometry.ResetBeforeScratchLengthOf(TSizes.Units, TLanes.Count);
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
