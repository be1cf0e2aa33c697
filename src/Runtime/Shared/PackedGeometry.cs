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
    public int RowLength => RowLengthOf(Gates, Lanes);

    /// <summary>Rows of a block: the inputs, the hidden units, the bias.</summary>
    public int Rows => RowsOf(InputSize, Units);

    /// <summary>Floats of one block of <see cref="Lanes"/> units.</summary>
    public int BlockLength => BlockLengthOf(InputSize, Units, Gates, TrailingRegisters, Lanes);

    /// <summary>Blocks of a direction: units in whole registers.</summary>
    public int Blocks => BlocksOf(Units, Lanes);

    /// <summary>Floats of one packed direction.</summary>
    public int Length => Blocks * BlockLength;

    /// <summary>Floats of one step's input projection: every gate of every padded unit.</summary>
    public int ProjectionLength => ProjectionLengthOf(Units, Gates, Lanes);

    /// <summary>Scratch of one single-stream LSTM, reset-after GRU or SimpleRNN step (see <see cref="StepScratchLengthOf"/>).</summary>
    public int StepScratchLength => StepScratchLengthOf(Units, Lanes);

    /// <summary>Scratch of one reset-before GRU step (see <see cref="ResetBeforeScratchLengthOf"/>).</summary>
    public int ResetBeforeScratchLength => ResetBeforeScratchLengthOf(Units, Lanes);

    // The formulas, on plain ints: PackedLayout calls them with constants (a struct of five fields is not promoted to
    // registers by the JIT, and materialising one cost a GRU 5->2 step 30 %), the properties above with this geometry.

    /// <summary>Floats of one row: every gate's register.</summary>
    public static int RowLengthOf(int gates, int lanes) => gates * lanes;

    /// <summary>Rows of a block: the inputs, the hidden units, the bias.</summary>
    public static int RowsOf(int inputSize, int units) => inputSize + units + 1;

    /// <summary>Floats of one block: every row, then the trailing registers.</summary>
    public static int BlockLengthOf(int inputSize, int units, int gates, int trailingRegisters, int lanes) =>
        (RowsOf(inputSize, units) * RowLengthOf(gates, lanes)) + (trailingRegisters * lanes);

    /// <summary>Blocks of a direction: units in whole registers.</summary>
    public static int BlocksOf(int units, int lanes) => (units + lanes - 1) / lanes;

    /// <summary>Units rounded up to whole registers.</summary>
    public static int PaddedUnitsOf(int units, int lanes) => BlocksOf(units, lanes) * lanes;

    /// <summary>Where a block's hidden rows start.</summary>
    public static int HiddenRowsStartOf(int inputSize, int gates, int lanes) => inputSize * RowLengthOf(gates, lanes);

    /// <summary>Where a block's bias row starts.</summary>
    public static int BiasRowStartOf(int inputSize, int units, int gates, int lanes) => (inputSize + units) * RowLengthOf(gates, lanes);

    /// <summary>Floats of one step's input projection: every gate of every padded unit.</summary>
    public static int ProjectionLengthOf(int units, int gates, int lanes) => BlocksOf(units, lanes) * RowLengthOf(gates, lanes);

    /// <summary>
    /// Scratch of one single-stream step of the LSTM, reset-after GRU and SimpleRNN kernels: the new h of every padded
    /// unit, one register for a partial block, and eight where two blocks' accumulators are parked.
    /// </summary>
    public static int StepScratchLengthOf(int units, int lanes) => PaddedUnitsOf(units, lanes) + (9 * lanes);

    /// <summary>Scratch of one reset-before GRU step: σ(z), the candidate's input part and r ⊙ h of every padded unit, and a partial block.</summary>
    public static int ResetBeforeScratchLengthOf(int units, int lanes) => (3 * PaddedUnitsOf(units, lanes)) + lanes;

    /// <summary>The geometry of one direction of <paramref name="layer"/> (a recurrent layer) in registers of <paramref name="lanes"/> floats.</summary>
    public static PackedGeometry Of(LayerShape layer, int lanes) =>
        new(layer.InputSize, layer.Units, layer.Gates, layer.Kind == LayerKind.Gru && layer.ResetAfter ? 1 : 0, lanes);
}
