using System;

namespace RnnGen.Weights;

/// <summary>Moves one framework tensor into its place in a layer's packed block: transposes, gate reorder, bias sums.</summary>
internal static class TensorPlacement
{
    public static void Place(LayerShape layer, WeightLayout layout, TensorSpec tensor, ReadOnlySpan<float> data, Span<float> layerBlock)
    {
        if (layer.Kind == LayerKind.Dense)
        {
            PlaceDense(layer, layout, tensor.Role, data, layerBlock);
            return;
        }

        int directionLength = (int)CanonicalLayout.DirectionLength(layer);
        if (tensor.Direction >= 0)
        {
            PlaceDirection(layer, layout, tensor.Role, data, layerBlock.Slice(tensor.Direction * directionLength, directionLength));
            return;
        }

        // ONNX stacks every direction in one tensor: [directions, ...].
        int perDirection = data.Length / layer.Directions;
        for (int direction = 0; direction < layer.Directions; direction++)
        {
            PlaceDirection(layer, layout, tensor.Role, data.Slice(direction * perDirection, perDirection), layerBlock.Slice(direction * directionLength, directionLength));
        }
    }

    private static void PlaceDirection(LayerShape layer, WeightLayout layout, TensorRole role, ReadOnlySpan<float> data, Span<float> block)
    {
        int gateUnits = layer.Gates * layer.Units;
        switch (role)
        {
            case TensorRole.InputKernel:
                PlaceKernel(layer, layout, data, layer.InputSize, block);
                break;
            case TensorRole.RecurrentKernel:
                PlaceKernel(layer, layout, data, layer.Units, block.Slice((int)CanonicalLayout.RecurrentKernelOffset(layer)));
                break;
            case TensorRole.Bias:
            case TensorRole.InputBias:
                AddBias(layer, layout, data, recurrent: false, block);
                break;
            case TensorRole.RecurrentBias:
                AddBias(layer, layout, data, recurrent: true, block);
                break;
            case TensorRole.StackedBiases:
            case TensorRole.OnnxBiases:
                AddBias(layer, layout, data.Slice(0, gateUnits), recurrent: false, block);
                AddBias(layer, layout, data.Slice(gateUnits, gateUnits), recurrent: true, block);
                break;
            case TensorRole.InitialHidden:
                data.CopyTo(block.Slice((int)CanonicalLayout.InitialStateOffset(layer), layer.Units));
                break;
            case TensorRole.InitialCell:
                data.CopyTo(block.Slice((int)CanonicalLayout.InitialStateOffset(layer) + layer.Units, layer.Units));
                break;
            default:
                throw new InvalidOperationException($"Tensor role {role} does not belong to a recurrent layer.");
        }
    }

    /// <summary>
    /// Writes a kernel as [rows, gates·units] in packed gate order. Keras already stores it so;
    /// PyTorch and ONNX store [gates·units, rows] in their own gate order.
    /// </summary>
    private static void PlaceKernel(LayerShape layer, WeightLayout layout, ReadOnlySpan<float> data, int rows, Span<float> destination)
    {
        int units = layer.Units;
        int gateUnits = layer.Gates * units;
        for (int frameworkGate = 0; frameworkGate < layer.Gates; frameworkGate++)
        {
            int packedGate = FrameworkTensors.PackedGate(layer.Kind, layout, frameworkGate);
            for (int j = 0; j < units; j++)
            {
                int frameworkColumn = (frameworkGate * units) + j;
                int packedColumn = (packedGate * units) + j;
                for (int k = 0; k < rows; k++)
                {
                    float value = layout == WeightLayout.Keras
                        ? data[(k * gateUnits) + frameworkColumn]
                        : data[(frameworkColumn * rows) + k];
                    destination[(k * gateUnits) + packedColumn] = value;
                }
            }
        }
    }

    /// <summary>
    /// Adds a bias vector into the packed bias. Input and recurrent biases simply sum, except the GRU
    /// candidate's recurrent bias in the reset-after form, which the reset gate multiplies and so stays apart.
    /// </summary>
    private static void AddBias(LayerShape layer, WeightLayout layout, ReadOnlySpan<float> data, bool recurrent, Span<float> block)
    {
        int units = layer.Units;
        int biasOffset = (int)CanonicalLayout.BiasOffset(layer);
        int candidateOffset = (int)CanonicalLayout.CandidateBiasOffset(layer);
        for (int frameworkGate = 0; frameworkGate < layer.Gates; frameworkGate++)
        {
            int packedGate = FrameworkTensors.PackedGate(layer.Kind, layout, frameworkGate);
            bool apart = recurrent && layer.Kind == LayerKind.Gru && layer.ResetAfter && packedGate == 2;
            int target = apart ? candidateOffset : biasOffset + (packedGate * units);
            for (int j = 0; j < units; j++)
            {
                block[target + j] += data[(frameworkGate * units) + j];
            }
        }
    }

    private static void PlaceDense(LayerShape layer, WeightLayout layout, TensorRole role, ReadOnlySpan<float> data, Span<float> block)
    {
        int inputs = layer.InputSize;
        int units = layer.Units;
        if (role == TensorRole.DenseBias)
        {
            data.CopyTo(block.Slice(inputs * units, units));
            return;
        }

        if (layout == WeightLayout.Keras)
        {
            data.CopyTo(block.Slice(0, inputs * units));
            return;
        }

        for (int o = 0; o < units; o++)
        {
            for (int k = 0; k < inputs; k++)
            {
                block[(k * units) + o] = data[(o * inputs) + k];
            }
        }
    }
}
