using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace RnnGen.Weights;

/// <summary>
/// Finds a model's tensors in a safetensors file by the framework's own names and returns them as the flat span
/// <see cref="ParameterImport.Pack"/> takes.
/// <list type="bullet">
/// <item>PyTorch <c>state_dict</c> names, <c>module.param</c>: recurrent layers are <c>weight_ih_l{k}</c>,
/// <c>weight_hh_l{k}</c>, <c>bias_ih_l{k}</c>, <c>bias_hh_l{k}</c> (and <c>_reverse</c>) of an <c>nn.RNN/LSTM/GRU</c>
/// module, consecutive layers continuing one module's <c>_l{k}</c>; Dense is an <c>nn.Linear</c>'s
/// <c>weight</c>, <c>bias</c>.</item>
/// <item>Keras weight paths, <c>layer/name</c>: <c>lstm/kernel</c>, <c>lstm/recurrent_kernel</c>, <c>lstm/bias</c>;
/// a Bidirectional layer's <c>bidirectional/forward_lstm/kernel</c> and <c>bidirectional/backward_lstm/…</c>;
/// <c>dense/kernel</c>, <c>dense/bias</c>.</item>
/// </list>
/// Module (layer) names are the user's own, so layers are matched to them by shape, in order; where two modules
/// fit a layer, the first in natural name order (<c>lstm2</c> before <c>lstm10</c>) is taken. Every tensor under the
/// prefix must be used: a left-over tensor is an error, since it usually means the declared model is not the
/// trained one.
/// </summary>
public static class SafetensorsImport
{
    /// <summary>The model's weights from <paramref name="file"/> in <paramref name="layout"/>'s flat order.</summary>
    /// <exception cref="FormatException">The file is not a well-formed safetensors file.</exception>
    /// <exception cref="ArgumentException">A tensor is missing, left over, or has the wrong shape; the message names it.</exception>
    public static float[] Parameters(ReadOnlySpan<byte> file, WeightLayout layout, string? prefix, ReadOnlySpan<LayerShape> layers, string model)
    {
        string where = $"{model}.FromSafetensors";
        if (layout == WeightLayout.Onnx)
        {
            throw new ArgumentException($"{where}: ONNX initializers have no standard names to find layers by; load ONNX weights with FromParameters in the Onnx layout (W, R, B per node).", nameof(layout));
        }

        if (layout is not (WeightLayout.Keras or WeightLayout.PyTorch))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), layout, $"{where}: not a WeightLayout.");
        }

        int length = ParameterImport.Length(layers, layout, model);
        char separator = layout == WeightLayout.PyTorch ? '.' : '/';
        string start = string.IsNullOrEmpty(prefix) ? string.Empty : prefix!.TrimEnd(separator) + separator;
        var tensors = new Dictionary<string, SafetensorsTensor>(StringComparer.Ordinal);
        foreach (SafetensorsTensor tensor in SafetensorsFile.ReadDirectory(file))
        {
            if (tensor.Name.StartsWith(start, StringComparison.Ordinal))
            {
                tensors.Add(tensor.Name.Substring(start.Length), tensor);
            }
        }

        if (tensors.Count == 0)
        {
            throw new ArgumentException($"{where}: the file has no tensors{(start.Length > 0 ? $" under '{start}'" : string.Empty)}.", nameof(file));
        }

        // Modules: the name up to the first separator (Keras layer, including a Bidirectional's two halves), or up to
        // the last one (PyTorch, whose modules nest), in natural order.
        List<string> modules = tensors.Keys
            .Select(name => layout == WeightLayout.Keras ? Head(name, separator) : Parent(name, separator))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(name => name, NaturalOrder.Instance)
            .ToList();

        var parameters = new float[length];
        var used = new HashSet<string>(StringComparer.Ordinal);
        int written = 0;
        string? continuing = null;
        int nextIndex = 0;
        for (int i = 0; i < layers.Length; i++)
        {
            LayerShape layer = layers[i];
            List<string>? names = null;
            if (layer.IsRecurrent && layout == WeightLayout.PyTorch && continuing is not null)
            {
                names = Match(tensors, layer, layout, continuing, nextIndex);
            }

            if (names is null)
            {
                nextIndex = 0;
                continuing = null;
                foreach (string module in modules)
                {
                    if (!used.Contains(module) && Match(tensors, layer, layout, module, 0) is { } found)
                    {
                        (continuing, names) = (module, found);
                        break;
                    }
                }
            }

            if (names is null)
            {
                throw new ArgumentException($"{where}: no {layout} tensors in the file fit layer {i} {layer.Describe()}. {Closest(tensors, modules, used, layer, layout, start)}", nameof(file));
            }

            used.Add(continuing!);
            continuing = layer.IsRecurrent ? continuing : null;
            nextIndex++;
            foreach (string name in names)
            {
                SafetensorsTensor tensor = tensors[name];
                tensor.CopyTo(file, parameters.AsSpan(written, (int)tensor.Length));
                written += (int)tensor.Length;
                tensors.Remove(name);
            }
        }

        if (tensors.Count > 0)
        {
            string leftOver = string.Join(", ", tensors.Values.Take(5).Select(t => $"'{t.Name}' {t.ShapeText}"));
            throw new ArgumentException($"{where}: {tensors.Count} tensor(s) in the file fit no declared layer: {leftOver}{(tensors.Count > 5 ? ", …" : string.Empty)}. Declare the layers the model was trained with{(start.Length == 0 ? ", or pass the prefix of the submodule to load" : string.Empty)}.", nameof(file));
        }

        return parameters;
    }

    /// <summary>The file's names of <paramref name="layer"/>'s tensors in flat order, if <paramref name="module"/> has them all with the right shapes.</summary>
    private static List<string>? Match(Dictionary<string, SafetensorsTensor> tensors, LayerShape layer, WeightLayout layout, string module, int index)
    {
        List<string>? names = Names(tensors, layer, layout, module, index);
        if (names is null)
        {
            return null;
        }

        List<TensorSpec> specs = FrameworkTensors.For(layer, layout, index);
        for (int t = 0; t < specs.Count; t++)
        {
            if (!tensors.TryGetValue(names[t], out SafetensorsTensor? tensor) || !tensor.Shape.AsSpan().SequenceEqual(specs[t].Shape))
            {
                return null;
            }
        }

        return names;
    }

    /// <summary>Where <paramref name="module"/> would keep each of the layer's tensors; null when a Bidirectional half is missing.</summary>
    private static List<string>? Names(Dictionary<string, SafetensorsTensor> tensors, LayerShape layer, WeightLayout layout, string module, int index)
    {
        var names = new List<string>();
        foreach (TensorSpec spec in FrameworkTensors.For(layer, layout, index))
        {
            if (layout == WeightLayout.PyTorch)
            {
                names.Add(module + "." + spec.Name);
            }
            else if (layer.Directions == 1)
            {
                names.Add(module + "/" + spec.Name);
            }
            else
            {
                // Keras Bidirectional: <layer>/forward_<inner>/<name> and <layer>/backward_<inner>/<name>.
                string half = spec.Direction == 0 ? "/forward_" : "/backward_";
                string? inner = tensors.Keys.FirstOrDefault(name => name.StartsWith(module + half, StringComparison.Ordinal));
                if (inner is null)
                {
                    return null;
                }

                names.Add(Parent(inner, '/') + "/" + spec.Name);
            }
        }

        return names;
    }

    /// <summary>A sentence on the nearest miss: a module with the right names but wrong shapes, or what is missing.</summary>
    private static string Closest(Dictionary<string, SafetensorsTensor> tensors, List<string> modules, HashSet<string> used, LayerShape layer, WeightLayout layout, string start)
    {
        List<TensorSpec> specs = FrameworkTensors.For(layer, layout, 0);
        foreach (string module in modules.Where(m => !used.Contains(m)))
        {
            for (int index = 0; index < 8; index++)
            {
                List<string>? names = Names(tensors, layer, layout, module, index);
                if (names is null || !tensors.ContainsKey(names[0]))
                {
                    continue;
                }

                specs = FrameworkTensors.For(layer, layout, index);
                for (int t = 0; t < specs.Count; t++)
                {
                    if (!tensors.TryGetValue(names[t], out SafetensorsTensor? tensor))
                    {
                        return $"'{start}{names[t]}' is missing (expected {specs[t].ShapeText}).";
                    }

                    if (!tensor.Shape.AsSpan().SequenceEqual(specs[t].Shape))
                    {
                        return $"'{start}{names[t]}' has shape {tensor.ShapeText}, the layer needs {specs[t].ShapeText}.";
                    }
                }
            }
        }

        var text = new StringBuilder("Expected tensors named like ");
        text.Append(string.Join(", ", specs.Select(s => $"'{(layout == WeightLayout.PyTorch ? "<module>." : "<layer>/")}{s.Name}' {s.ShapeText}")));
        text.Append("; the file has ");
        text.Append(string.Join(", ", tensors.Values.Take(8).Select(t => $"'{t.Name}' {t.ShapeText}")));
        return text.Append(tensors.Count > 8 ? ", …" : string.Empty).Append('.').ToString();
    }

    private static string Head(string name, char separator)
    {
        int at = name.IndexOf(separator);
        return at < 0 ? string.Empty : name.Substring(0, at);
    }

    private static string Parent(string name, char separator)
    {
        int at = name.LastIndexOf(separator);
        return at < 0 ? string.Empty : name.Substring(0, at);
    }

    /// <summary>Orders names with their digit runs compared as numbers: lstm2 before lstm10.</summary>
    private sealed class NaturalOrder : IComparer<string>
    {
        public static readonly NaturalOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            x ??= string.Empty;
            y ??= string.Empty;
            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
                {
                    int startX = i, startY = j;
                    while (i < x.Length && char.IsAsciiDigit(x[i]))
                    {
                        i++;
                    }

                    while (j < y.Length && char.IsAsciiDigit(y[j]))
                    {
                        j++;
                    }

                    string digitsX = x.Substring(startX, i - startX).TrimStart('0'), digitsY = y.Substring(startY, j - startY).TrimStart('0');
                    int byNumber = digitsX.Length != digitsY.Length ? digitsX.Length.CompareTo(digitsY.Length) : string.CompareOrdinal(digitsX, digitsY);
                    if (byNumber != 0)
                    {
                        return byNumber;
                    }
                }
                else
                {
                    int byChar = x[i].CompareTo(y[j]);
                    if (byChar != 0)
                    {
                        return byChar;
                    }

                    i++;
                    j++;
                }
            }

            return (x.Length - i).CompareTo(y.Length - j);
        }
    }
}
