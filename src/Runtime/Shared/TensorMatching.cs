using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Text;

namespace RnnGen;

/// <summary>
/// Finds a model's tensors among a file's named tensors by the framework's own names, and puts them in the
/// framework's flat order (<see cref="FrameworkTensors.For"/>). Shared by runtime loading (FromSafetensors) and the
/// generator's build-time baking, so both accept exactly the same files and word their errors alike.
/// <list type="bullet">
/// <item>PyTorch <c>state_dict</c> names, <c>module.param</c> (a bare module saved on its own has no <c>module.</c>:
/// its names are the root module's): recurrent layers are <c>weight_ih_l{k}</c>,
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
[EditorBrowsable(EditorBrowsableState.Never)]
#if RNNGEN_GENERATOR
internal
#else
public
#endif
static class TensorMatching
{
#if RNNGEN_GENERATOR
    // A baked Weights file is read whole: there is no prefix to pass at build time.
    private const string SubmoduleAdvice = ", or save only the submodule's tensors to the Weights file";
#else
    private const string SubmoduleAdvice = ", or pass the prefix of the submodule to load";
#endif

    /// <summary>The file's tensor names for every layer, in <paramref name="layout"/>'s flat order.</summary>
    /// <param name="shapes">Every tensor under the prefix, by name with the prefix removed.</param>
    /// <param name="layout">PyTorch or Keras.</param>
    /// <param name="layers">The declared layers.</param>
    /// <param name="where">Who is asking, to start error messages (e.g. <c>Model.FromSafetensors</c>).</param>
    /// <param name="prefix">The prefix that was removed from the names (with its separator), for messages.</param>
    /// <exception cref="ArgumentException">A layer has no fitting tensors, or a tensor is left over; the message names them.</exception>
    public static List<string> FlatOrder(Dictionary<string, int[]> shapes, WeightLayout layout, IReadOnlyList<LayerShape> layers, string where, string prefix)
    {
        if (shapes.Count == 0)
        {
            throw new ArgumentException($"{where}: the file has no tensors{(prefix.Length > 0 ? $" under '{prefix}'" : string.Empty)}.", "file");
        }

        char separator = Separator(layout);

        // Modules: the name up to the first separator (Keras layer, including a Bidirectional's two halves), or up to
        // the last one (PyTorch, whose modules nest), in natural order.
        List<string> modules = shapes.Keys
            .Select(name => layout == WeightLayout.Keras ? Head(name, separator) : Parent(name, separator))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(name => name, NaturalOrder.Instance)
            .ToList();

        var left = new Dictionary<string, int[]>(shapes, StringComparer.Ordinal);
        var flat = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        string? continuing = null;
        int nextIndex = 0;
        for (int i = 0; i < layers.Count; i++)
        {
            LayerShape layer = layers[i];
            if (!LayerKinds.HasWeights(layer.Kind))
            {
                continuing = null; // a standalone activation stores nothing and ends any stacked module
                continue;
            }

            List<string>? names = null;
            if (layer.IsRecurrent && layout == WeightLayout.PyTorch && continuing is not null)
            {
                names = Match(left, layer, layout, continuing, nextIndex);
            }

            if (names is null)
            {
                nextIndex = 0;
                continuing = null;
                foreach (string module in modules)
                {
                    if (!used.Contains(module) && Match(left, layer, layout, module, 0) is { } found)
                    {
                        (continuing, names) = (module, found);
                        break;
                    }
                }
            }

            if (names is null)
            {
                throw new ArgumentException($"{where}: no {layout} tensors in the file fit layer {i} {layer.Describe()}. {Closest(left, modules, used, layer, layout, prefix)}", "file");
            }

            used.Add(continuing!);
            continuing = layer.IsRecurrent ? continuing : null;
            nextIndex++;
            foreach (string name in names)
            {
                flat.Add(name);
                left.Remove(name);
            }
        }

        if (left.Count > 0)
        {
            string leftOver = string.Join(", ", left.Take(5).Select(t => $"'{prefix}{t.Key}' {ShapeText(t.Value)}"));
            throw new ArgumentException($"{where}: {left.Count} tensor(s) in the file fit no declared layer: {leftOver}{(left.Count > 5 ? ", …" : string.Empty)}. Declare the layers the model was trained with{(prefix.Length == 0 ? SubmoduleAdvice : string.Empty)}.", "file");
        }

        return flat;
    }

    /// <summary>The separator of the layout's names: <c>.</c> for PyTorch modules, <c>/</c> for Keras weight paths.</summary>
    public static char Separator(WeightLayout layout) => layout == WeightLayout.PyTorch ? '.' : '/';

    /// <summary>A shape as text, e.g. <c>[128, 8]</c>.</summary>
    public static string ShapeText(int[] shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>The file's names of <paramref name="layer"/>'s tensors in flat order, if <paramref name="module"/> has them all with the right shapes.</summary>
    private static List<string>? Match(Dictionary<string, int[]> shapes, LayerShape layer, WeightLayout layout, string module, int index)
    {
        List<string>? names = Names(shapes, layer, layout, module, index);
        if (names is null)
        {
            return null;
        }

        List<TensorSpec> specs = FrameworkTensors.For(layer, layout, index);
        for (int t = 0; t < specs.Count; t++)
        {
            if (!shapes.TryGetValue(names[t], out int[]? shape) || !shape.SequenceEqual(specs[t].Shape))
            {
                return null;
            }
        }

        return names;
    }

    /// <summary>Where <paramref name="module"/> would keep each of the layer's tensors; null when a Bidirectional half is missing.</summary>
    private static List<string>? Names(Dictionary<string, int[]> shapes, LayerShape layer, WeightLayout layout, string module, int index)
    {
        var names = new List<string>();
        foreach (TensorSpec spec in FrameworkTensors.For(layer, layout, index))
        {
            if (layout == WeightLayout.PyTorch)
            {
                names.Add(Join(module, spec.Name));
            }
            else if (layer.Directions == 1)
            {
                names.Add(module + "/" + spec.Name);
            }
            else
            {
                // Keras Bidirectional: <layer>/forward_<inner>/<name> and <layer>/backward_<inner>/<name>.
                string half = spec.Direction == 0 ? "/forward_" : "/backward_";
                string? inner = shapes.Keys.FirstOrDefault(name => name.StartsWith(module + half, StringComparison.Ordinal));
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
    private static string Closest(Dictionary<string, int[]> shapes, List<string> modules, HashSet<string> used, LayerShape layer, WeightLayout layout, string prefix)
    {
        List<TensorSpec> specs = FrameworkTensors.For(layer, layout, 0);
        foreach (string module in modules.Where(m => !used.Contains(m)))
        {
            for (int index = 0; index < 8; index++)
            {
                List<string>? names = Names(shapes, layer, layout, module, index);
                if (names is null || !shapes.ContainsKey(names[0]))
                {
                    continue;
                }

                specs = FrameworkTensors.For(layer, layout, index);
                for (int t = 0; t < specs.Count; t++)
                {
                    if (!shapes.TryGetValue(names[t], out int[]? shape))
                    {
                        return $"'{prefix}{names[t]}' is missing (expected {specs[t].ShapeText}).";
                    }

                    if (!shape.SequenceEqual(specs[t].Shape))
                    {
                        return $"'{prefix}{names[t]}' has shape {ShapeText(shape)}, the layer needs {specs[t].ShapeText}.";
                    }
                }
            }
        }

        var text = new StringBuilder("Expected tensors named like ");
        text.Append(string.Join(", ", specs.Select(s => $"'{(layout == WeightLayout.PyTorch ? "<module>." : "<layer>/")}{s.Name}' {s.ShapeText}")));
        if (layout == WeightLayout.PyTorch)
        {
            text.Append(" (or without '<module>.' for a module saved on its own)");
        }

        text.Append("; the file has ");
        text.Append(string.Join(", ", shapes.Take(8).Select(t => $"'{prefix}{t.Key}' {ShapeText(t.Value)}")));
        return text.Append(shapes.Count > 8 ? ", …" : string.Empty).Append('.').ToString();
    }

    /// <summary>A PyTorch name: <c>module.name</c>, or just <c>name</c> in the root module.</summary>
    private static string Join(string module, string name) => module.Length == 0 ? name : module + "." + name;

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

    /// <summary>
    /// The order in which modules are tried: names with their digit runs compared as numbers (lstm2 before lstm10).
    /// rnngen's writer uses it too, so layers of identical shape meet their modules in layer order.
    /// </summary>
    public static IComparer<string> ModuleOrder => NaturalOrder.Instance;

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
                if (IsDigit(x[i]) && IsDigit(y[j]))
                {
                    int startX = i, startY = j;
                    while (i < x.Length && IsDigit(x[i]))
                    {
                        i++;
                    }

                    while (j < y.Length && IsDigit(y[j]))
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

        private static bool IsDigit(char c) => c is >= '0' and <= '9';
    }
}
