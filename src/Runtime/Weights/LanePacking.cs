using System;
using System.ComponentModel;

namespace RnnGen.Weights;

/// <summary>
/// Rearranges one direction of a recurrent layer from <see cref="CanonicalLayout"/> into the layout lane kernels
/// stream through: units in blocks of one register (L lanes, the last block zero-padded), and per block, row by
/// row (inputs, then hidden units, then the bias row), every gate's L weights side by side — so one pass over a
/// block's contiguous weights yields all its gates, ready for the cell update in registers.
/// Reset-after GRU blocks end with the candidate's recurrent bias (L floats); the original-form GRU's hidden rows are
/// split (see <see cref="Position"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LanePacking
{
    /// <summary>Floats of one packed direction.</summary>
    public static int DirectionLength(LayerShape layer, int lanes) => PackedGeometry.Of(layer, lanes).Length;

    /// <summary>Floats of one packed block of <paramref name="lanes"/> units.</summary>
    public static int BlockLength(LayerShape layer, int lanes) => PackedGeometry.Of(layer, lanes).BlockLength;

    /// <summary>Packs one direction (its canonical block) for registers of <paramref name="lanes"/> floats.</summary>
    public static float[] Pack(LayerShape layer, ReadOnlySpan<float> canonical, int lanes)
    {
        var packed = new float[DirectionLength(layer, lanes)];
        Pack(layer, canonical, lanes, packed);
        return packed;
    }

    /// <summary>Packs one direction into a new <see cref="WeightSlot"/>, aligned as lane kernels read it.</summary>
    public static WeightSlot PackIntoSlot(LayerShape layer, ReadOnlySpan<float> canonical, int lanes)
    {
        WeightSlot slot = WeightSlot.Allocate(DirectionLength(layer, lanes), out Span<float> contents);
        Pack(layer, canonical, lanes, contents);
        return slot;
    }

    /// <summary>Packs one direction into <paramref name="packed"/> (zeroed, <see cref="DirectionLength"/> floats).</summary>
    private static void Pack(LayerShape layer, ReadOnlySpan<float> canonical, int lanes, Span<float> packed)
    {
        if (!layer.IsRecurrent)
        {
            throw new ArgumentException($"{layer.Describe()} does not run on a lane kernel.", nameof(layer));
        }

        PackedGeometry geometry = PackedGeometry.Of(layer, lanes);
        int units = layer.Units;
        int gates = geometry.Gates;
        int gateUnits = gates * units;
        int rows = geometry.Rows;
        int blockLength = geometry.BlockLength;
        for (int block = 0; block < geometry.Blocks; block++)
        {
            Span<float> destination = packed.Slice(block * blockLength, blockLength);
            for (int lane = 0; lane < lanes; lane++)
            {
                int unit = (block * lanes) + lane;
                if (unit >= units)
                {
                    break; // padding stays zero
                }

                for (int row = 0; row < rows; row++)
                {
                    for (int gate = 0; gate < gates; gate++)
                    {
                        destination[Position(layer, row, gate, lanes) + lane] = canonical[(row * gateUnits) + (gate * units) + unit];
                    }
                }

                if (geometry.TrailingRegisters == 1)
                {
                    // The reset-after GRU's trailing register: its candidate's recurrent bias.
                    destination[(rows * geometry.RowLength) + lane] = canonical[(int)CanonicalLayout.CandidateBiasOffset(layer) + unit];
                }
            }
        }
    }

    /// <summary>
    /// Where a block's register of <paramref name="gate"/> on <paramref name="row"/> (inputs, hidden units, bias) starts.
    /// Row by row with every gate side by side, except for the original-form GRU: its kernel reads the hidden rows'
    /// z and r in one pass and their candidate weights in a second, so those go apart, each contiguous (inputs
    /// z r n, hidden z r, bias z r n, hidden n).
    /// </summary>
    public static int Position(LayerShape layer, int row, int gate, int lanes)
    {
        int inputs = layer.InputSize;
        int units = layer.Units;
        if (layer.Kind != LayerKind.Gru || layer.ResetAfter || row < inputs)
        {
            return ((row * layer.Gates) + gate) * lanes;
        }

        int hiddenStart = inputs * 3 * lanes;
        int biasStart = hiddenStart + (units * 2 * lanes);
        return row == inputs + units ? biasStart + (gate * lanes)
            : gate < 2 ? hiddenStart + ((((row - inputs) * 2) + gate) * lanes)
            : biasStart + (3 * lanes) + ((row - inputs) * lanes);
    }
}
