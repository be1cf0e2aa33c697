using System;
using System.ComponentModel;
using RnnGen.Weights;

namespace RnnGen;

/// <summary>
/// Rearranges a framework's flat weights into <see cref="CanonicalLayout"/>, layer by layer and tensor by tensor.
/// Shared by runtime import (FromParameters) and the generator, which bakes canonical weights into the binary.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#if RNNGEN_GENERATOR
internal
#else
public
#endif
static class CanonicalWeights
{
    /// <summary>The canonical weights of <paramref name="layers"/>; <paramref name="source"/> must hold exactly the layout's count.</summary>
    public static float[] FromFramework(ReadOnlySpan<float> source, WeightLayout layout, ReadOnlySpan<LayerShape> layers)
    {
        long packedLength = 0;
        foreach (LayerShape layer in layers)
        {
            packedLength += CanonicalLayout.LayerLength(layer);
        }

        var packed = new float[packedLength];
        int read = 0;
        int written = 0;
        int recurrentIndex = 0;
        foreach (LayerShape layer in layers)
        {
            int layerLength = (int)CanonicalLayout.LayerLength(layer);
            Span<float> destination = packed.AsSpan(written, layerLength);
            foreach (TensorSpec tensor in FrameworkTensors.For(layer, layout, recurrentIndex))
            {
                int length = (int)tensor.Length;
                TensorPlacement.Place(layer, layout, tensor, source.Slice(read, length), destination);
                read += length;
            }

            written += layerLength;
            recurrentIndex += layer.IsRecurrent ? 1 : 0;
        }

        return packed;
    }
}
