namespace RnnGen;

/// <summary>Scratch floats a recurrent cell needs per step; generated code reserves the maximum over its layers.</summary>
#if RNNGEN_GENERATOR
internal
#else
public
#endif
static class KernelScratch
{
    /// <summary>Widest register in floats (AVX-512); lane kernels pad units to a multiple of it.</summary>
    public const int MaxLanes = 16;

    /// <summary>
    /// Whether the layer runs on a lane-packed SIMD kernel. The original-form GRU (reset before the recurrent
    /// product) needs the whole r∘h before any candidate, so it runs on the reference cell instead.
    /// </summary>
    public static bool UsesLaneKernel(LayerShape layer) => layer.IsRecurrent && (layer.Kind != LayerKind.Gru || layer.ResetAfter);

    /// <summary>Scratch floats for one step of one direction of <paramref name="layer"/>.</summary>
    public static int Length(LayerShape layer)
    {
        if (!layer.IsRecurrent)
        {
            return 0;
        }

        if (!UsesLaneKernel(layer))
        {
            return 4 * layer.Units;
        }

        // New h for every (padded) unit, one register for a partial block of c or old h, and eight registers
        // where the accumulators of two blocks are parked between the multiply loop and the cell update.
        return RoundUp(layer.Units) + (9 * MaxLanes);
    }

    /// <summary>
    /// Scratch floats the caller of a batched step of <paramref name="layer"/> provides: SimpleRNN layers step
    /// streams in pairs (a new h per stream of the pair); the reference cell steps each stream alone; LSTM and
    /// reset-after GRU layers take their own scratch (<see cref="BatchTileLength"/>).
    /// </summary>
    public static int BatchLength(LayerShape layer)
    {
        if (!UsesLaneKernel(layer))
        {
            return Length(layer);
        }

        return layer.Kind == LayerKind.SimpleRnn ? (2 * RoundUp(layer.Units)) + (9 * MaxLanes) : 0;
    }

    /// <summary>
    /// Scratch floats of a batched LSTM/GRU step: a new h and four parked sum registers per stream of a panel of
    /// <see cref="BatchPanel"/> streams, and one register for a partial block; at least what a single-stream step
    /// needs (<see cref="Length"/>), which one stream alone takes.
    /// </summary>
    public static int BatchTileLength(int units) =>
        System.Math.Max((BatchPanel(units) * (RoundUp(units) + (4 * MaxLanes))) + MaxLanes, RoundUp(units) + (9 * MaxLanes));

    /// <summary>
    /// Streams whose new h a batched LSTM/GRU step holds at once: 16, fewer for layers wider than 256 units so the
    /// scratch stays near 16K floats (the stack), never fewer than one four-stream register tile.
    /// </summary>
    public static int BatchPanel(int units) => System.Math.Max(4, System.Math.Min(16, 4096 / RoundUp(units) / 4 * 4));

    /// <summary>
    /// Floats of the buffer that holds the input projections of a chunk of steps in Run: at least 8 steps (one
    /// register tile of the projection), up to 64, about 32 KB where the layer allows.
    /// </summary>
    public static long ProjectionLength(LayerShape layer)
    {
        if (!UsesLaneKernel(layer))
        {
            return 0;
        }

        long perStep = (long)RoundUp(layer.Units) * layer.Gates;
        long steps = System.Math.Max(8, System.Math.Min(64, 8192 / perStep));
        return steps * perStep;
    }

    private static int RoundUp(int units) => (units + MaxLanes - 1) / MaxLanes * MaxLanes;
}
