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
    /// Scratch floats the caller of a batched step of <paramref name="layer"/> provides: the reference cell steps
    /// each stream alone on it; the lane kernels take their own (<c>RnnGen.Kernels.BatchScratch</c>).
    /// </summary>
    public static int BatchLength(LayerShape layer) => UsesLaneKernel(layer) ? 0 : Length(layer);

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
