namespace RnnGen;

/// <summary>
/// Where a recurrent direction's weights sit once lane-packed (<c>LanePacking</c>): units in blocks of one register
/// (L lanes, the last block zero-padded), each block row by row (inputs, hidden units, bias) with every gate's L
/// weights side by side, and for the reset-after GRU one trailing register (its candidate's recurrent bias). The one
/// definition that the packer, the kernels, the batch tiles and the scratch sizes read; kernels specialised on their
/// sizes get it through <c>PackedLayout</c>, where every member folds to a constant.
/// </summary>
internal readonly struct PackedGeometry
{
    /// <summary>The geometry of one direction.</summary>
    /// <param name="inputSize">Floats of the layer's input vector.</param>
    /// <param name="units">Units per direction.</param>
    /// <param name="gates">Gate registers per row: 4 (LSTM), 3 (GRU), 1 (SimpleRNN).</param>
    /// <param name="trailingRegisters">Registers after a block's rows: 1 for the reset-after GRU, else 0.</param>
    /// <param name="lanes">Floats per register.</param>
    public PackedGeometry(int inputSize, int units, int gates, int trailingRegisters, int lanes)
    {
        InputSize = inputSize;
        Units = units;
        Gates = gates;
        TrailingRegisters = trailingRegisters;
        Lanes = lanes;
    }

    /// <summary>Floats of the layer's input vector.</summary>
    public int InputSize { get; }

    /// <summary>Units per direction.</summary>
    public int Units { get; }

    /// <summary>Gate registers per row.</summary>
    public int Gates { get; }

    /// <summary>Registers after a block's rows.</summary>
    public int TrailingRegisters { get; }

    /// <summary>Floats per register.</summary>
    public int Lanes { get; }

    /// <summary>Floats of one row of a block: every gate's register.</summary>
    public int RowLength => Gates * Lanes;

    /// <summary>Rows of a block: the inputs, the hidden units, the bias.</summary>
    public int Rows => InputSize + Units + 1;

    /// <summary>Floats of one block of <see cref="Lanes"/> units.</summary>
    public int BlockLength => (Rows * RowLength) + (TrailingRegisters * Lanes);

    /// <summary>Blocks of a direction: units in whole registers.</summary>
    public int Blocks => (Units + Lanes - 1) / Lanes;

    /// <summary>Units rounded up to whole registers: what every per-unit scratch area reserves.</summary>
    public int PaddedUnits => Blocks * Lanes;

    /// <summary>Floats of one packed direction.</summary>
    public int Length => Blocks * BlockLength;

    /// <summary>Where a block's hidden rows start.</summary>
    public int HiddenRowsStart => InputSize * RowLength;

    /// <summary>Where a block's bias row starts.</summary>
    public int BiasRowStart => (InputSize + Units) * RowLength;

    /// <summary>Floats of one step's input projection: every gate of every padded unit.</summary>
    public int ProjectionLength => Blocks * RowLength;

    /// <summary>
    /// Scratch of one single-stream step of the LSTM, reset-after GRU and SimpleRNN kernels: the new h of every padded
    /// unit, one register for a partial block, and eight where two blocks' accumulators are parked.
    /// </summary>
    public int StepScratchLength => PaddedUnits + (9 * Lanes);

    /// <summary>Scratch of one reset-before GRU step: σ(z), the candidate's input part and r ⊙ h of every padded unit, and a partial block.</summary>
    public int ResetBeforeScratchLength => (3 * PaddedUnits) + Lanes;

    /// <summary>The geometry of one direction of <paramref name="layer"/> (a recurrent layer) in registers of <paramref name="lanes"/> floats.</summary>
    public static PackedGeometry Of(LayerShape layer, int lanes) =>
        new(layer.InputSize, layer.Units, layer.Gates, layer.Kind == LayerKind.Gru && layer.ResetAfter ? 1 : 0, lanes);
}
