using System.Collections.Generic;
using System.ComponentModel;

namespace RnnGen;

/// <summary>
/// Which tensors each framework stores for a layer, in its own order, names and shapes.
/// This is the single definition of the framework layouts: counting, import and error messages all read it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#if RNNGEN_GENERATOR
internal
#else
public
#endif
static class FrameworkTensors
{
    /// <summary>
    /// Why <paramref name="layout"/> cannot describe <paramref name="layer"/>, or null when it can.
    /// </summary>
    public static string? Unsupported(LayerShape layer, WeightLayout layout)
    {
        if (layer.Kind == LayerKind.Gru && !layer.ResetAfter && layout == WeightLayout.PyTorch)
        {
#if RNNGEN_GENERATOR
            // Baking reads PyTorch and Keras names only (RNNG0017 refuses the ONNX layout at build time).
            return "PyTorch's nn.GRU only has the reset-after form; declare ResetAfter = true, or bake Keras (reset_after=False) weights with Layout = WeightLayout.Keras";
#else
            return "PyTorch's nn.GRU only has the reset-after form; declare ResetAfter = true, or load Keras (reset_after=False) or ONNX (linear_before_reset=0) weights";
#endif
        }

        return null;
    }

    /// <summary>The tensors of one layer in the order the framework flattens them.</summary>
    /// <param name="layer">The layer.</param>
    /// <param name="layout">The framework.</param>
    /// <param name="recurrentIndex">PyTorch's <c>_l{k}</c> suffix: the position of the layer among recurrent layers.</param>
    public static List<TensorSpec> For(LayerShape layer, WeightLayout layout, int recurrentIndex)
    {
        var tensors = new List<TensorSpec>();
        int inputSize = layer.InputSize;
        int units = layer.Units;
        int gateUnits = layer.Gates * units;

        if (!LayerKinds.HasWeights(layer.Kind))
        {
            return tensors;
        }

        if (layer.Kind == LayerKind.Dense)
        {
            int[] kernelShape = layout == WeightLayout.Keras ? new[] { inputSize, units } : new[] { units, inputSize };
            string kernelName = layout == WeightLayout.Keras ? "kernel" : "weight";
            tensors.Add(new TensorSpec(kernelName, kernelShape, TensorRole.DenseKernel, 0));
            if (layer.UseBias)
            {
                tensors.Add(new TensorSpec("bias", new[] { units }, TensorRole.DenseBias, 0));
            }

            return tensors;
        }

        switch (layout)
        {
            case WeightLayout.Keras:
                for (int direction = 0; direction < layer.Directions; direction++)
                {
                    tensors.Add(new TensorSpec("kernel", new[] { inputSize, gateUnits }, TensorRole.InputKernel, direction));
                    tensors.Add(new TensorSpec("recurrent_kernel", new[] { units, gateUnits }, TensorRole.RecurrentKernel, direction));
                    if (layer.UseBias)
                    {
                        tensors.Add(layer.Kind == LayerKind.Gru && layer.ResetAfter
                            ? new TensorSpec("bias", new[] { 2, gateUnits }, TensorRole.StackedBiases, direction)
                            : new TensorSpec("bias", new[] { gateUnits }, TensorRole.Bias, direction));
                    }

                    AddInitialState(tensors, layer, "initial_h", "initial_c", direction);
                }

                break;

            case WeightLayout.PyTorch:
                for (int direction = 0; direction < layer.Directions; direction++)
                {
                    string suffix = "_l" + recurrentIndex + (direction == 1 ? "_reverse" : string.Empty);
                    tensors.Add(new TensorSpec("weight_ih" + suffix, new[] { gateUnits, inputSize }, TensorRole.InputKernel, direction));
                    tensors.Add(new TensorSpec("weight_hh" + suffix, new[] { gateUnits, units }, TensorRole.RecurrentKernel, direction));
                    if (layer.UseBias)
                    {
                        tensors.Add(new TensorSpec("bias_ih" + suffix, new[] { gateUnits }, TensorRole.InputBias, direction));
                        tensors.Add(new TensorSpec("bias_hh" + suffix, new[] { gateUnits }, TensorRole.RecurrentBias, direction));
                    }

                    AddInitialState(tensors, layer, "initial_h" + suffix, "initial_c" + suffix, direction);
                }

                break;

            default:
                int directions = layer.Directions;
                tensors.Add(new TensorSpec("W", new[] { directions, gateUnits, inputSize }, TensorRole.InputKernel, -1));
                tensors.Add(new TensorSpec("R", new[] { directions, gateUnits, units }, TensorRole.RecurrentKernel, -1));
                if (layer.UseBias)
                {
                    tensors.Add(new TensorSpec("B", new[] { directions, 2 * gateUnits }, TensorRole.OnnxBiases, -1));
                }

                // ONNX's own initial_h / initial_c inputs, without their batch axis.
                if (layer.LearnedInitialState)
                {
                    tensors.Add(new TensorSpec("initial_h", new[] { directions, units }, TensorRole.InitialHidden, -1));
                    if (layer.Kind == LayerKind.Lstm)
                    {
                        tensors.Add(new TensorSpec("initial_c", new[] { directions, units }, TensorRole.InitialCell, -1));
                    }
                }

                break;
        }

        return tensors;
    }

    /// <summary>A learned initial state's tensors for one direction: h, and c for an LSTM.</summary>
    private static void AddInitialState(List<TensorSpec> tensors, LayerShape layer, string hidden, string cell, int direction)
    {
        if (!layer.LearnedInitialState)
        {
            return;
        }

        tensors.Add(new TensorSpec(hidden, new[] { layer.Units }, TensorRole.InitialHidden, direction));
        if (layer.Kind == LayerKind.Lstm)
        {
            tensors.Add(new TensorSpec(cell, new[] { layer.Units }, TensorRole.InitialCell, direction));
        }
    }

    /// <summary>Number of floats the framework stores for one layer.</summary>
    public static long Count(LayerShape layer, WeightLayout layout)
    {
        long count = 0;
        foreach (TensorSpec tensor in For(layer, layout, 0))
        {
            count += tensor.Length;
        }

        return count;
    }

    /// <summary>
    /// Where a framework's gate block <paramref name="frameworkGate"/> goes in the packed order
    /// (LSTM i,f,c,o; GRU z,r,h — the Keras order).
    /// </summary>
    public static int PackedGate(LayerKind kind, WeightLayout layout, int frameworkGate)
    {
        if (kind == LayerKind.Lstm && layout == WeightLayout.Onnx)
        {
            // ONNX i,o,f,c → i,f,c,o
            return frameworkGate switch { 0 => 0, 1 => 3, 2 => 1, _ => 2 };
        }

        if (kind == LayerKind.Gru && layout == WeightLayout.PyTorch)
        {
            // PyTorch r,z,n → z,r,h
            return frameworkGate switch { 0 => 1, 1 => 0, _ => 2 };
        }

        return frameworkGate;
    }
}
