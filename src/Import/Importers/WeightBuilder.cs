using System;

namespace RnnGen.Import;

/// <summary>
/// Fills a layer's <see cref="LayerWeights"/> from a framework's tensors after checking every shape against the
/// layer, so a file whose config and weights disagree is refused with the layer and tensor named, not loaded wrongly.
/// </summary>
internal static class WeightBuilder
{
    /// <summary>Checks a size read from a file before it is used to size or index anything.</summary>
    public static int Size(long value, string what)
    {
        if (value < 1 || value > ModelLimits.MaxWidth)
        {
            throw new ModelImportException($"{what} is {value}; RnnGen runs sizes from 1 to {ModelLimits.MaxWidth}.");
        }

        return (int)value;
    }

    /// <summary>Keras tensors: kernel <c>[in, G·u]</c>, recurrent_kernel <c>[u, G·u]</c>, bias <c>[G·u]</c> or a reset-after GRU's <c>[2, G·u]</c>.</summary>
    public static LayerWeights FromKeras(ImportedLayer layer, RawTensor kernel, RawTensor? recurrentKernel, RawTensor? bias)
    {
        int gates = layer.Shape.Gates;
        int width = gates * layer.Units;
        Expect(layer, kernel, layer.InputSize, width);
        if (layer.Kind == LayerKind.Dense)
        {
            if (bias is not null)
            {
                Expect(layer, bias, width);
            }

            return new LayerWeights(kernel.Values, null, bias?.Values, null);
        }

        if (recurrentKernel is null)
        {
            throw new ModelImportException($"layer '{layer.SourceName}': the recurrent kernel is missing.");
        }

        Expect(layer, recurrentKernel, layer.Units, width);
        if (bias is null)
        {
            return new LayerWeights(kernel.Values, recurrentKernel.Values, null, null);
        }

        if (layer.Kind == LayerKind.Gru && layer.ResetAfter)
        {
            Expect(layer, bias, 2, width);
            return new LayerWeights(kernel.Values, recurrentKernel.Values, bias.Values.AsSpan(0, width).ToArray(), bias.Values.AsSpan(width).ToArray());
        }

        Expect(layer, bias, width);
        return new LayerWeights(kernel.Values, recurrentKernel.Values, bias.Values, null);
    }

    /// <summary>
    /// PyTorch or ONNX rows (one direction): input weights <c>[G·u, in]</c>, recurrent <c>[G·u, u]</c>, biases
    /// <c>[G·u]</c> each, in <paramref name="layout"/>'s gate order. Dense: weight <c>[u, in]</c>.
    /// </summary>
    public static LayerWeights FromRows(ImportedLayer layer, WeightLayout layout, RawTensor input, RawTensor? recurrent, RawTensor? inputBias, RawTensor? recurrentBias)
    {
        int gates = layer.Shape.Gates;
        int units = layer.Units;
        int width = gates * units;
        Expect(layer, input, width, layer.InputSize);
        if (inputBias is not null)
        {
            Expect(layer, inputBias, width);
        }

        if (layer.Kind == LayerKind.Dense)
        {
            return new LayerWeights(GateOrder.Transpose(input.Values, units, layer.InputSize), null, inputBias?.Values, null);
        }

        if (recurrent is null)
        {
            throw new ModelImportException($"layer '{layer.SourceName}': the recurrent weights are missing.");
        }

        Expect(layer, recurrent, width, units);
        if (recurrentBias is not null)
        {
            Expect(layer, recurrentBias, width);
        }

        return new LayerWeights(
            GateOrder.KernelFromRows(input.Values, gates, units, layer.InputSize, layer.Kind, layout),
            GateOrder.KernelFromRows(recurrent.Values, gates, units, units, layer.Kind, layout),
            inputBias is null ? null : GateOrder.BiasToKeras(inputBias.Values, gates, units, layer.Kind, layout),
            recurrentBias is null ? null : GateOrder.BiasToKeras(recurrentBias.Values, gates, units, layer.Kind, layout));
    }

    /// <summary>Throws naming the layer and tensor unless <paramref name="tensor"/> has exactly <paramref name="shape"/>.</summary>
    public static void Expect(ImportedLayer layer, RawTensor tensor, params long[] shape)
    {
        if (!tensor.Shape.AsSpan().SequenceEqual(shape) || tensor.Values.Length != Product(shape))
        {
            throw new ModelImportException($"layer '{layer.SourceName}': '{tensor.Name}' has shape {tensor.ShapeText}, the layer needs [{string.Join(", ", shape)}].");
        }
    }

    /// <summary>The number of elements of <paramref name="shape"/>, or -1 when it overflows or has a negative dimension.</summary>
    public static long Product(long[] shape)
    {
        long product = 1;
        foreach (long dimension in shape)
        {
            if (dimension < 0 || (dimension > 0 && product > long.MaxValue / dimension))
            {
                return -1;
            }

            product *= dimension;
        }

        return product;
    }
}
