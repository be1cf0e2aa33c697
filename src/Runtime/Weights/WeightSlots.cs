using System;
using System.Collections.Generic;
using RnnGen.Kernels;

namespace RnnGen.Weights;

/// <summary>
/// Splits canonical weights into one array per kernel call, in the order generated code numbers them:
/// layer by layer, direction by direction (Dense layers one slot). Lane-kernel directions are packed for
/// the register width of <see cref="VectorPath"/>; the others keep the canonical layout.
/// </summary>
public static class WeightSlots
{
    /// <summary>The slots of a model, from the canonical weights <see cref="ParameterImport.Pack"/> produced.</summary>
    public static float[][] Create(ReadOnlySpan<float> canonical, ReadOnlySpan<LayerShape> layers, VectorPath path)
    {
        if (path is < VectorPath.Scalar or > VectorPath.Vector512)
        {
            throw new ArgumentOutOfRangeException(nameof(path), path, "Not a VectorPath.");
        }

        int lanes = VectorPaths.Lanes(path);
        var slots = new List<float[]>();
        int offset = 0;
        foreach (LayerShape layer in layers)
        {
            if (!layer.IsRecurrent)
            {
                int length = (int)CanonicalLayout.LayerLength(layer);
                slots.Add(canonical.Slice(offset, length).ToArray());
                offset += length;
                continue;
            }

            int directionLength = (int)CanonicalLayout.DirectionLength(layer);
            for (int direction = 0; direction < layer.Directions; direction++)
            {
                ReadOnlySpan<float> block = canonical.Slice(offset, directionLength);
                slots.Add(KernelScratch.UsesLaneKernel(layer) ? LanePacking.Pack(layer, block, lanes) : block.ToArray());
                offset += directionLength;
            }
        }

        return slots.ToArray();
    }
}
