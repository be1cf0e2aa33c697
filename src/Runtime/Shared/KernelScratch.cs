using System.ComponentModel;

namespace RnnGen;

/// <summary>Scratch floats a recurrent cell needs per step; generated code reserves the maximum over its layers.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
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
    /// Whether StepBatch has a kernel that shares weight loads between streams for the layer. The original-form GRU
    /// (reset before the recurrent product) needs every unit's r ⊙ h before any candidate, two passes that the batch
    /// tiles do not do yet: StepBatch steps its streams one by one on the lane kernel.
    /// </summary>
    public static bool HasBatchKernel(LayerShape layer) => layer.IsRecurrent && !IsResetBefore(layer);

    /// <summary>Scratch floats for one step of one direction of <paramref name="layer"/>, at the widest register.</summary>
    public static int Length(LayerShape layer)
    {
        if (!layer.IsRecurrent)
        {
            return 0;
        }

        PackedGeometry widest = PackedGeometry.Of(layer, MaxLanes);
        return IsResetBefore(layer) ? widest.ResetBeforeScratchLength : widest.StepScratchLength;
    }

    /// <summary>
    /// Floats of the buffer that holds the input projections of a chunk of steps in Run: at least 8 steps (one
    /// register tile of the projection), up to 64, about 32 KB where the layer allows.
    /// </summary>
    public static long ProjectionLength(LayerShape layer)
    {
        if (!layer.IsRecurrent)
        {
            return 0;
        }

        long perStep = PackedGeometry.Of(layer, MaxLanes).ProjectionLength;
        long steps = System.Math.Max(8, System.Math.Min(64, 8192 / perStep));
        return steps * perStep;
    }

    private static bool IsResetBefore(LayerShape layer) => layer.Kind == LayerKind.Gru && !layer.ResetAfter;
}
