using System;
using System.Collections.Generic;

namespace RnnGen.Import;

/// <summary>
/// Renders an <see cref="ImportedModel"/>'s weights as the named tensors a layout stores (the names and shapes of
/// <see cref="FrameworkTensors.For"/>), which is what the runtime's <c>FromSafetensors</c> matches by.
/// </summary>
public static class TensorRenderer
{
    /// <summary>Every tensor of every layer in <paramref name="layout"/> (Keras or PyTorch), in layer order.</summary>
    /// <exception cref="ModelImportException">The layout cannot hold a layer (PyTorch has no reset-before GRU) or two layers share a name.</exception>
    public static List<NamedTensor> Render(ImportedModel model, WeightLayout layout)
    {
        if (layout is not (WeightLayout.Keras or WeightLayout.PyTorch))
        {
            throw new ModelImportException($"only the Keras and PyTorch layouts have tensor names; {layout} cannot be written to safetensors.");
        }

        var tensors = new List<NamedTensor>();
        var modules = new HashSet<string>(StringComparer.Ordinal);
        bool numbered = !NamesKeepLayerOrder(model, layout);
        for (int i = 0; i < model.Layers.Count; i++)
        {
            ImportedLayer layer = model.Layers[i];
            if (!LayerKinds.HasWeights(layer.Kind))
            {
                continue;
            }

            if (FrameworkTensors.Unsupported(layer.Shape, layout) is { } why)
            {
                throw new ModelImportException($"layer '{layer.SourceName}': {why}.");
            }

            int index = layout == WeightLayout.PyTorch && layer.Kind != LayerKind.Dense ? layer.ModuleIndex : 0;
            string module = ModuleName(layer, i, layout);
            if (numbered && module.Length > 0)
            {
                module = $"l{i - index}_{module}"; // every layer of a stacked PyTorch module keeps its first layer's name
            }

            if (index == 0 && !modules.Add(module))
            {
                throw new ModelImportException($"two layers are named '{module}'; safetensors names must be unique.");
            }

            foreach (TensorSpec spec in FrameworkTensors.For(layer.Shape, layout, index))
            {
                tensors.Add(new NamedTensor(TensorName(layer, module, spec, layout), spec.Shape, Values(layer, spec, layout)));
            }
        }

        return tensors;
    }

    /// <summary>
    /// FromSafetensors gives each layer the first unused module, in natural name order, whose tensors fit it; two
    /// layers of identical shape must therefore have names in layer order (Keras lets users name layers anything).
    /// </summary>
    private static bool NamesKeepLayerOrder(ImportedModel model, WeightLayout layout)
    {
        for (int i = 0; i < model.Layers.Count; i++)
        {
            for (int j = i + 1; j < model.Layers.Count; j++)
            {
                LayerShape a = model.Layers[i].Shape, b = model.Layers[j].Shape;
                bool same = LayerKinds.HasWeights(a.Kind) && a.Kind == b.Kind && a.LearnedInitialState == b.LearnedInitialState && a.InputSize == b.InputSize && a.Units == b.Units && a.Directions == b.Directions && a.UseBias == b.UseBias && a.ResetAfter == b.ResetAfter;
                if (same && TensorMatching.ModuleOrder.Compare(ModuleName(model.Layers[i], i, layout), ModuleName(model.Layers[j], j, layout)) > 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static string ModuleName(ImportedLayer layer, int position, WeightLayout layout)
    {
        string name = layer.Module switch
        {
            // A bare PyTorch module's tensors have no prefix: it is the root module, which the loader reads as such.
            "" when layout == WeightLayout.PyTorch => string.Empty,
            null or "" => $"l{position}_{KindName(layer.Kind)}",
            _ => layer.Module,
        };

        // Keras has no stacked layers: each layer of a PyTorch num_layers stack becomes a Keras layer of its own.
        if (layout == WeightLayout.Keras && layer.ModuleIndex > 0)
        {
            name += "_l" + layer.ModuleIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        // Keras names split at '/', PyTorch's at the last '.': a separator inside a layer name would split it wrongly.
        return layout == WeightLayout.Keras ? name.Replace('/', '_') : name.Replace('/', '_').Trim('.');
    }

    private static string KindName(LayerKind kind) => kind switch
    {
        LayerKind.Lstm => "lstm",
        LayerKind.Gru => "gru",
        LayerKind.SimpleRnn => "simple_rnn",
        _ => "dense",
    };

    private static string TensorName(ImportedLayer layer, string module, TensorSpec spec, WeightLayout layout)
    {
        if (layout == WeightLayout.PyTorch)
        {
            return module.Length == 0 ? spec.Name : module + "." + spec.Name;
        }

        if (layer.Direction != Direction.Bidirectional)
        {
            return module + "/" + spec.Name;
        }

        // Keras 2 and 3 name a Bidirectional's halves forward_<inner layer> and backward_<inner layer>.
        return module + (spec.Direction == 0 ? "/forward_" : "/backward_") + KindName(layer.Kind) + "/" + spec.Name;
    }

    private static float[] Values(ImportedLayer layer, TensorSpec spec, WeightLayout layout)
    {
        int direction = Math.Max(spec.Direction, 0);
        LayerWeights w = layer.Weights[direction];
        int units = layer.Units;
        int gates = layer.Shape.Gates;
        int inputs = layer.InputSize;
        return spec.Role switch
        {
            TensorRole.DenseKernel => layout == WeightLayout.Keras ? w.Kernel : GateOrder.Transpose(w.Kernel, inputs, units),
            TensorRole.DenseBias => w.InputBias!,
            TensorRole.InputKernel => layout == WeightLayout.Keras ? w.Kernel : GateOrder.RowsFromKernel(w.Kernel, gates, units, inputs, layer.Kind, layout),
            TensorRole.RecurrentKernel => layout == WeightLayout.Keras ? w.RecurrentKernel! : GateOrder.RowsFromKernel(w.RecurrentKernel!, gates, units, units, layer.Kind, layout),
            TensorRole.Bias => Sum(w.InputBias!, w.RecurrentBias),
            TensorRole.StackedBiases => Concat(w.InputBias!, w.RecurrentBias ?? new float[w.InputBias!.Length]),
            TensorRole.InputBias => GateOrder.BiasFromKeras(w.InputBias!, gates, units, layer.Kind, layout),
            TensorRole.RecurrentBias => GateOrder.BiasFromKeras(w.RecurrentBias ?? new float[w.InputBias!.Length], gates, units, layer.Kind, layout),
            TensorRole.InitialHidden => w.InitialHidden!,
            TensorRole.InitialCell => w.InitialCell!,
            _ => throw new ModelImportException($"layer '{layer.SourceName}': {spec.Role} tensors cannot be rendered."),
        };
    }

    private static float[] Sum(float[] a, float[]? b)
    {
        if (b is null)
        {
            return a;
        }

        var sum = new float[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            sum[i] = a[i] + b[i];
        }

        return sum;
    }

    private static float[] Concat(float[] a, float[] b)
    {
        var result = new float[a.Length + b.Length];
        a.CopyTo(result, 0);
        b.CopyTo(result, a.Length);
        return result;
    }
}
