using System;
using System.Collections.Generic;
using System.ComponentModel;
using RnnGen.Kernels;

namespace RnnGen.Weights;

/// <summary>
/// Splits canonical weights into one <see cref="WeightSlot"/> per kernel call, in the order generated code numbers them:
/// layer by layer, direction by direction (Dense layers one slot, standalone activations none). Recurrent
/// directions are packed for the register width of <see cref="VectorPath"/>; Dense keeps the canonical layout.
/// When any layer has a learned initial state, one last slot holds the whole model's initial state in the generated
/// State's order (every recurrent layer, direction by direction, h then LSTM c; zeros where nothing was learned).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WeightSlots
{
    /// <summary>The slots of a model, from the canonical weights <see cref="ParameterImport.Pack"/> produced, every layer on <paramref name="path"/>.</summary>
    public static WeightSlot[] Create(ReadOnlySpan<float> canonical, ReadOnlySpan<LayerShape> layers, VectorPath path) =>
        Create(canonical, layers, VectorPaths.ForEveryLayer(path, layers.Length));

    /// <summary>The slots of a model, each layer packed for its own path (<paramref name="paths"/>, one per layer).</summary>
    public static WeightSlot[] Create(ReadOnlySpan<float> canonical, ReadOnlySpan<LayerShape> layers, ReadOnlySpan<VectorPath> paths)
    {
        if (paths.Length != layers.Length)
        {
            throw new ArgumentException($"{paths.Length} paths for {layers.Length} layers.", nameof(paths));
        }

        foreach (VectorPath path in paths)
        {
            if (path is < VectorPath.Scalar or > VectorPath.Vector512)
            {
                throw new ArgumentOutOfRangeException(nameof(paths), path, "Not a VectorPath.");
            }
        }

        var slots = new List<WeightSlot>();
        int stateLength = InitialStateLength(layers);
        Span<float> initialState = default;
        WeightSlot? initialStateSlot = null;
        if (stateLength > 0)
        {
            initialStateSlot = WeightSlot.Allocate(stateLength, out initialState);
        }

        int offset = 0;
        int stateOffset = 0;
        for (int l = 0; l < layers.Length; l++)
        {
            LayerShape layer = layers[l];
            int lanes = VectorPaths.Lanes(paths[l]);
            if (!layer.IsRecurrent)
            {
                int length = (int)CanonicalLayout.LayerLength(layer);
                if (LayerKinds.HasWeights(layer.Kind))
                {
                    slots.Add(WeightSlot.CopyOf(canonical.Slice(offset, length)));
                }

                offset += length;
                continue;
            }

            int directionLength = (int)CanonicalLayout.DirectionLength(layer);
            for (int direction = 0; direction < layer.Directions; direction++)
            {
                ReadOnlySpan<float> block = canonical.Slice(offset, directionLength);
                slots.Add(LanePacking.PackIntoSlot(layer, block, lanes));
                if (layer.LearnedInitialState)
                {
                    block.Slice((int)CanonicalLayout.InitialStateOffset(layer), layer.StatePerDirection).CopyTo(initialState.Slice(stateOffset));
                }

                offset += directionLength;
                stateOffset += layer.StatePerDirection;
            }
        }

        if (initialStateSlot is { } learned)
        {
            slots.Add(learned);
        }

        return slots.ToArray();
    }

    /// <summary>Floats of the initial-state slot: the whole State when any layer learned its initial state, else 0 (no slot).</summary>
    public static int InitialStateLength(ReadOnlySpan<LayerShape> layers)
    {
        bool learned = false;
        int length = 0;
        foreach (LayerShape layer in layers)
        {
            learned |= layer.LearnedInitialState;
            length += layer.Directions * layer.StatePerDirection;
        }

        return learned ? length : 0;
    }
}
