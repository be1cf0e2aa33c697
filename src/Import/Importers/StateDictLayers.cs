using System;
using System.Collections.Generic;
using System.Linq;

namespace RnnGen.Import;

/// <summary>
/// Infers layers from a PyTorch <c>state_dict</c>: a module with <c>weight_ih_l{k}</c> is nn.RNN/LSTM/GRU (which one
/// follows from <c>weight_hh</c>'s rows per hidden unit: 1, 4 or 3), one with a 2-D <c>weight</c> is nn.Linear.
/// Modules are chained by matching sizes, since a state_dict's order (safetensors sorts names) need not be the
/// forward order, unless the caller names the order (<see cref="ImportOptions.ModuleOrder"/>).
/// </summary>
internal static class StateDictLayers
{
    /// <param name="model">Receives the layers, or what is unsupported.</param>
    /// <param name="tensors">The state_dict, in the file's order.</param>
    /// <param name="format">For messages.</param>
    /// <param name="registrationOrder">Whether the file keeps the state_dict's order (JSON does; safetensors sorts names).</param>
    /// <param name="order">The module order the user gave, or null to infer it.</param>
    public static void Read(ImportedModel model, IReadOnlyList<RawTensor> tensors, string format, bool registrationOrder, IReadOnlyList<string>? order = null)
    {
        var byName = new Dictionary<string, RawTensor>(StringComparer.Ordinal);
        foreach (RawTensor tensor in tensors)
        {
            if (!byName.TryAdd(tensor.Name, tensor))
            {
                throw new ModelImportException($"{format}: tensor '{tensor.Name}' appears twice.");
            }
        }

        var candidates = new List<List<ImportedLayer>>();
        foreach (IGrouping<string, RawTensor> module in tensors.GroupBy(t => Parent(t.Name)))
        {
            var entries = module.Select(t => t.Entry).ToList();
            var names = module.Select(t => t.Name.Substring(module.Key.Length == 0 ? 0 : module.Key.Length + 1)).ToHashSet(StringComparer.Ordinal);
            string? problem = null;
            string type;
            List<ImportedLayer>? layers = null;
            try
            {
                if (names.Contains("weight_ih_l0"))
                {
                    layers = Recurrent(module.Key, byName, names, out type);
                }
                else if (names.Contains("weight") && byName[Join(module.Key, "weight")].Shape.Length == 2)
                {
                    type = "Linear";
                    layers = new List<ImportedLayer> { Linear(module.Key, byName, names) };
                }
                else
                {
                    type = "unknown";
                    problem = $"module '{module.Key}' ({string.Join(", ", names.OrderBy(n => n, StringComparer.Ordinal))}) is not an nn.RNN, nn.LSTM, nn.GRU or nn.Linear; it is not supported yet";
                }
            }
            catch (ModelImportException e)
            {
                type = "invalid";
                problem = e.Message;
            }

            model.SourceLayers.Add(new SourceLayer(module.Key, type, entries, problem));
            if (problem is not null)
            {
                model.Unsupported.Add(problem);
            }
            else
            {
                candidates.Add(layers!);
            }
        }

        if (model.Unsupported.Count == 0)
        {
            if (order is null)
            {
                Chain(model, candidates, format, registrationOrder);
            }
            else
            {
                Ordered(model, candidates, format, order);
            }
        }
    }

    private static List<ImportedLayer> Recurrent(string module, Dictionary<string, RawTensor> byName, HashSet<string> names, out string type)
    {
        RawTensor hh = Get(byName, module, "weight_hh_l0");
        if (hh.Shape.Length != 2)
        {
            throw new ModelImportException($"module '{module}': weight_hh_l0 has shape {hh.ShapeText}, not [gates·hidden, hidden].");
        }

        int hidden = WeightBuilder.Size(hh.Shape[1], $"module '{module}': the hidden size");
        (LayerKind kind, type) = (hh.Shape[0] / hidden, hh.Shape[0] % hidden) switch
        {
            (1, 0) => (LayerKind.SimpleRnn, "RNN"),
            (3, 0) => (LayerKind.Gru, "GRU"),
            (4, 0) => (LayerKind.Lstm, "LSTM"),
            _ => throw new ModelImportException($"module '{module}': weight_hh_l0 has {hh.Shape[0]} rows for {hidden} hidden units, which is no RNN (1×), GRU (3×) or LSTM (4×)."),
        };
        if (names.Any(n => n.StartsWith("weight_hr", StringComparison.Ordinal)))
        {
            throw new ModelImportException($"module '{module}': LSTM proj_size (weight_hr_l*) is not supported yet.");
        }

        bool bidirectional = names.Contains("weight_ih_l0_reverse");
        bool bias = names.Contains("bias_ih_l0");
        var layers = new List<ImportedLayer>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; names.Contains("weight_ih_l" + k); k++)
        {
            RawTensor ih = Get(byName, module, "weight_ih_l" + k);
            int inputSize = ih.Shape.Length == 2 ? WeightBuilder.Size(ih.Shape[1], $"module '{module}': layer {k}'s input size") : throw new ModelImportException($"module '{module}': weight_ih_l{k} has shape {ih.ShapeText}, not 2-D.");
            var layer = new ImportedLayer(module + (k > 0 ? "_l" + k : string.Empty), kind, inputSize, hidden)
            {
                Module = module,
                ModuleIndex = k,
                UseBias = bias,
                ReturnSequences = true,
                Direction = bidirectional ? Direction.Bidirectional : Direction.Forward,
            };
            foreach (string suffix in bidirectional ? new[] { "_l" + k, "_l" + k + "_reverse" } : new[] { "_l" + k })
            {
                string[] parts = bias ? new[] { "weight_ih", "weight_hh", "bias_ih", "bias_hh" } : new[] { "weight_ih", "weight_hh" };
                used.UnionWith(parts.Select(p => p + suffix));
                layer.Weights.Add(WeightBuilder.FromRows(
                    layer,
                    WeightLayout.PyTorch,
                    Get(byName, module, "weight_ih" + suffix),
                    Get(byName, module, "weight_hh" + suffix),
                    bias ? Get(byName, module, "bias_ih" + suffix) : null,
                    bias ? Get(byName, module, "bias_hh" + suffix) : null));
            }

            layers.Add(layer);
        }

        if (names.Except(used).FirstOrDefault() is { } extra)
        {
            throw new ModelImportException($"module '{module}': tensor '{extra}' does not belong to a {type} with {layers.Count} layer(s).");
        }

        return layers;
    }

    private static ImportedLayer Linear(string module, Dictionary<string, RawTensor> byName, HashSet<string> names)
    {
        RawTensor weight = Get(byName, module, "weight");
        if (names.Except(new[] { "weight", "bias" }).FirstOrDefault() is { } extra)
        {
            throw new ModelImportException($"module '{module}': tensor '{extra}' does not belong to an nn.Linear.");
        }

        int units = WeightBuilder.Size(weight.Shape[0], $"module '{module}': the output size");
        int inputs = WeightBuilder.Size(weight.Shape[1], $"module '{module}': the input size");
        var layer = new ImportedLayer(module, LayerKind.Dense, inputs, units) { Module = module, UseBias = names.Contains("bias") };
        layer.Weights.Add(WeightBuilder.FromRows(layer, WeightLayout.PyTorch, weight, null, layer.UseBias ? Get(byName, module, "bias") : null, null));
        return layer;
    }

    /// <summary>
    /// Orders modules so each one's input size is the previous one's output, using every module once. Where several
    /// orders chain, the first by preference is taken and the note says so: the file's own order when it has one (a
    /// JSON state_dict lists modules as the model registered them), else recurrent modules first, then by name (a
    /// safetensors file sorts names).
    /// </summary>
    private static void Chain(ImportedModel model, List<List<ImportedLayer>> modules, string format, bool registrationOrder)
    {
        if (modules.Count == 0)
        {
            throw new ModelImportException($"{format}: the file holds no tensors.");
        }

        List<List<ImportedLayer>> preference = registrationOrder
            ? modules
            : modules.OrderBy(m => m[0].Kind == LayerKind.Dense ? 1 : 0).ThenBy(m => m[0].Module, StringComparer.Ordinal).ToList();
        List<List<List<ImportedLayer>>> chains = ChainSearch.Find(preference, limit: 2);
        if (chains.Count == 0)
        {
            string sizes = string.Join(", ", modules.Select(m => $"'{m[0].Module}' {m[0].InputSize}→{m[^1].OutputSize}"));
            model.Unsupported.Add($"{format}: the modules' sizes do not chain into one sequence of layers ({sizes}); RnnGen runs one chain, each layer fed by the one before");
            return;
        }

        foreach (List<ImportedLayer> module in chains[0])
        {
            model.Layers.AddRange(module);
        }

        model.InputSize = model.Layers[0].InputSize;
        string taken = string.Join(",", ModuleNames(model));
        if (chains.Count > 1)
        {
            string other = string.Join(",", chains[1].Select(m => Display(m[0].Module)));
            string why = registrationOrder ? "the order the file lists them in" : "recurrent modules first, then by name";
            model.Notes.Add($"several module orders chain by size (e.g. {taken} and {other}): took {taken}, {why}; a state_dict does not record the forward order, so if yours differs give it with --order");
        }
        else if (modules.Count > 1)
        {
            model.Notes.Add($"module order inferred from matching sizes ({taken}): a state_dict does not record the forward order; if yours differs, give it with --order");
        }

        model.Notes.Add(RecurrentNote);
    }

    private const string RecurrentNote = "PyTorch recurrent modules return every step (ReturnSequences = true): set it false on the last one if your forward keeps only the last step; nn.RNN is assumed to use tanh";

    /// <summary>The modules in the order the caller gave, checked to be exactly the file's modules and to chain by size.</summary>
    private static void Ordered(ImportedModel model, List<List<ImportedLayer>> modules, string format, IReadOnlyList<string> order)
    {
        var byName = modules.ToDictionary(m => m[0].Module ?? string.Empty, StringComparer.Ordinal);
        string known = string.Join(", ", byName.Keys.Select(k => k.Length == 0 ? "(root)" : k).OrderBy(k => k, StringComparer.Ordinal));
        foreach (string name in order)
        {
            if (!byName.ContainsKey(name))
            {
                throw new ModelImportException($"{format}: --order names module '{name}', which the file does not have (its modules: {known}).");
            }
        }

        if (order.Distinct(StringComparer.Ordinal).Count() != order.Count || order.Count != byName.Count)
        {
            throw new ModelImportException($"{format}: --order must name every module of the file exactly once (its modules: {known}); it names {string.Join(",", order)}.");
        }

        foreach (string name in order)
        {
            List<ImportedLayer> module = byName[name];
            if (model.Layers.Count > 0 && model.Layers[^1].OutputSize != module[0].InputSize)
            {
                throw new ModelImportException($"{format}: in the --order given, module '{name}' takes {module[0].InputSize} inputs but '{model.Layers[^1].Module}' before it outputs {model.Layers[^1].OutputSize}.");
            }

            model.Layers.AddRange(module);
        }

        model.InputSize = model.Layers[0].InputSize;
        model.Notes.Add($"module order as given by --order: {string.Join(", ", order)}");
        model.Notes.Add(RecurrentNote);
    }

    private static IEnumerable<string> ModuleNames(ImportedModel model) =>
        model.Layers.Select(layer => layer.Module ?? string.Empty).Distinct(StringComparer.Ordinal).Select(Display);

    private static string Display(string? module) => string.IsNullOrEmpty(module) ? "(root)" : module!;

    private static RawTensor Get(Dictionary<string, RawTensor> byName, string module, string name) =>
        byName.TryGetValue(Join(module, name), out RawTensor? tensor) ? tensor : throw new ModelImportException($"module '{module}': tensor '{Join(module, name)}' is missing.");

    private static string Join(string module, string name) => module.Length == 0 ? name : module + "." + name;

    private static string Parent(string name) => name.LastIndexOf('.') is var dot and >= 0 ? name.Substring(0, dot) : string.Empty;
}
