using System;
using System.Collections.Generic;
using System.Linq;
using Onnx;

namespace RnnGen.Import;

/// <summary>
/// Follows the values that descend from the graph input, node by node. Recurrent nodes and Dense (Gemm, MatMul + Add)
/// become layers; shape glue (Squeeze, Transpose, Reshape, …) passes a value through; Gather / Slice of the last step
/// turns the recurrent layer before it into one that returns only its last output; any other op on that path is
/// refused by name. Nodes that only compute shapes or constants are ignored.
/// </summary>
internal sealed class OnnxGraphReader
{
    private static readonly HashSet<string> s_glue = new(StringComparer.Ordinal) { "Squeeze", "Unsqueeze", "Transpose", "Reshape", "Flatten", "Identity", "Dropout", "Cast" };

    private readonly GraphProto _graph;
    private readonly ImportedModel _model = new("ONNX", WeightLayout.PyTorch);
    private readonly Dictionary<string, RawTensor> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Live> _live = new(StringComparer.Ordinal);
    private readonly Dictionary<ImportedLayer, Use> _uses = new();
    private readonly Dictionary<string, int> _glueCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _zeros = new(StringComparer.Ordinal);
    private int? _output;

    public OnnxGraphReader(GraphProto graph) => _graph = graph;

    /// <summary>The node being read, for messages about malformed ones.</summary>
    public string Current { get; private set; } = "(graph)";

    public ImportedModel Read()
    {
        foreach (TensorProto initializer in _graph.Initializer)
        {
            if (OnnxValues.ToTensor(initializer, initializer.Name) is { } tensor)
            {
                _constants[initializer.Name] = tensor;
            }
        }

        ValueInfoProto? input = _graph.Input.FirstOrDefault(i => !_constants.ContainsKey(i.Name)) ?? throw new ModelImportException("ONNX: the graph has no input.");
        _live[input.Name] = new Live(null, "input");
        foreach (NodeProto node in _graph.Node)
        {
            Current = string.IsNullOrEmpty(node.Name) ? node.OpType : node.Name;
            Visit(node);
        }

        Finish();
        return _model;
    }

    private void Visit(NodeProto node)
    {
        if (node.OpType == "Constant")
        {
            if (OnnxValues.Attribute(node, "value")?.T is { } value && node.Output.Count > 0 && OnnxValues.ToTensor(value, node.Output[0]) is { } tensor)
            {
                _constants[node.Output[0]] = tensor;
            }

            return;
        }

        string op = node.OpType;
        List<Live> inputs = node.Input.Where(_live.ContainsKey).Select(n => _live[n]).ToList();
        if (inputs.Count == 0)
        {
            TrackZeros(node);
            return; // shape arithmetic on constants
        }

        string? problem = inputs.Count > 1 || (op != "Add" && !_live.ContainsKey(node.Input[0]))
            ? $"node '{Current}' ({op}) combines several values of the model's path, which is not supported"
            : op switch
            {
                "LSTM" or "GRU" or "RNN" => Recurrent(node, inputs[0]),
                "Gemm" => Gemm(node, inputs[0]),
                "MatMul" => MatMul(node, inputs[0]),
                "Add" => Add(node, inputs[0]),
                "Relu" or "Tanh" or "Sigmoid" or "Softmax" => Fold(node, inputs[0]),
                "Gather" or "Slice" => LastStep(node, inputs[0]),
                "Shape" or "Size" => null,
                _ when s_glue.Contains(op) => PassThrough(node, inputs[0]),
                _ => $"node '{Current}' ({op}) is not supported yet",
            };
        if (op is "Shape" or "Size")
        {
            return; // outputs are shapes, not model values
        }

        if (problem is not null)
        {
            _model.Unsupported.Add(problem);
            _model.SourceLayers.Add(new SourceLayer(Current, op, Array.Empty<(string, long[])>(), problem));
            foreach (string name in node.Output)
            {
                _live[name] = new Live(null, "broken");
            }
        }
    }

    // torch.onnx.export builds a zero initial state as Expand(zeros constant, shape): such values count as zeros.
    private void TrackZeros(NodeProto node)
    {
        if (node.Output.Count == 0)
        {
            return;
        }

        bool zero = node.OpType switch
        {
            "ConstantOfShape" => OnnxValues.Attribute(node, "value")?.T is not { } fill || OnnxValues.ToTensor(fill, "value") is not { } v || v.Values.All(x => x == 0),
            "Expand" or "Tile" or "Reshape" or "Unsqueeze" or "Squeeze" or "Identity" or "Cast" => node.Input.Count > 0 && IsZero(node.Input[0]),
            _ => false,
        };
        if (zero)
        {
            _zeros.Add(node.Output[0]);
        }
    }

    private bool IsZero(string name) => _zeros.Contains(name) || (_constants.TryGetValue(name, out RawTensor? t) && t.Values.All(v => v == 0));

    private string? PassThrough(NodeProto node, Live value)
    {
        _glueCounts[node.OpType] = _glueCounts.TryGetValue(node.OpType, out int n) ? n + 1 : 1;
        if (node.Output.Count > 0)
        {
            _live[node.Output[0]] = Through(node, value);
        }

        return null;
    }

    /// <summary>Follows where the time axis goes through shape glue, so Gather / Slice can be checked to select a time step.</summary>
    private Live Through(NodeProto node, Live value)
    {
        Live unknown = value with { Rank = -1, TimeAxis = -1 };
        int rank = value.Rank, axis = value.TimeAxis;
        if (rank < 0 || axis < 0)
        {
            return unknown;
        }

        List<long>? axes = Constant(node, 1) is { } a ? a.Values.Select(v => (long)v).ToList() : OnnxValues.Attribute(node, "axes") is not null ? OnnxValues.Ints(node, "axes") : null;
        switch (node.OpType)
        {
            case "Identity" or "Dropout" or "Cast":
                return value;
            case "Squeeze" when axes is not null:
                var squeezed = axes.Select(x => x < 0 ? x + rank : x).ToList();
                return squeezed.Contains(axis) ? unknown : value with { Rank = rank - squeezed.Count, TimeAxis = axis - squeezed.Count(x => x < axis) };
            case "Unsqueeze" when axes is not null:
                int grown = rank + axes.Count;
                int moved = axis;
                foreach (long x in axes.Select(x => x < 0 ? x + grown : x).OrderBy(x => x))
                {
                    moved += x <= moved ? 1 : 0;
                }

                return value with { Rank = grown, TimeAxis = moved };
            case "Transpose":
                List<long> perm = OnnxValues.Ints(node, "perm");
                return perm.Count == rank ? value with { TimeAxis = perm.IndexOf(axis) } : unknown;
            case "Reshape" when Constant(node, 1) is { } shape && shape.Values.Length > axis && shape.Values.Take(axis + 1).All(d => d == 0):
                return value with { Rank = shape.Values.Length }; // dimensions up to time are copied (0)
            default:
                return unknown;
        }
    }

    private string? Recurrent(NodeProto node, Live x)
    {
        Consume(x);
        LayerKind kind = node.OpType switch { "LSTM" => LayerKind.Lstm, "GRU" => LayerKind.Gru, _ => LayerKind.SimpleRnn };
        string where = $"node '{Current}' ({node.OpType})";
        RawTensor? w = Constant(node, 1), r = Constant(node, 2), b = Constant(node, 3);
        if (w is null || r is null || (node.Input.Count > 3 && node.Input[3].Length > 0 && b is null))
        {
            return $"{where}: W, R and B must be initializers";
        }

        if (Present(node, 4))
        {
            return $"{where}: sequence_lens is not supported; export without it";
        }

        foreach ((int index, string name) in new[] { (5, "initial_h"), (6, "initial_c"), (7, "P (peepholes)") })
        {
            if (Present(node, index) && !IsZero(node.Input[index]))
            {
                return $"{where}: input {name} '{node.Input[index]}' is {(index == 7 ? "non-zero" : "not all zeros")}, which is not supported";
            }
        }

        if (OnnxValues.Attribute(node, "clip") is not null)
        {
            return $"{where}: clip is not supported";
        }

        if (OnnxValues.Int(node, "layout", 0) != 0 || OnnxValues.Int(node, "input_forget", 0) != 0)
        {
            return $"{where}: layout = 1 and input_forget are not supported";
        }

        string direction = OnnxValues.Text(node, "direction", "forward");
        int directions = direction == "bidirectional" ? 2 : 1;
        if (direction is not ("forward" or "reverse" or "bidirectional"))
        {
            return $"{where}: direction '{direction}' is not forward, reverse or bidirectional";
        }

        if (w.Shape.Length != 3 || r.Shape.Length != 3 || w.Shape[0] != directions)
        {
            return $"{where}: W {w.ShapeText} / R {r.ShapeText} are not [{directions}, gates·hidden, …]";
        }

        int units = WeightBuilder.Size(r.Shape[2], where + " hidden size");
        int inputSize = WeightBuilder.Size(w.Shape[2], where + " input size");
        if (OnnxValues.Int(node, "hidden_size", units) != units)
        {
            return $"{where}: hidden_size {OnnxValues.Int(node, "hidden_size", 0)} disagrees with R {r.ShapeText}";
        }

        if (OnnxActivations.Read(node, kind, directions, out Activation activation, out Activation gate) is { } bad)
        {
            return $"{where}: {bad}";
        }

        long gates = kind switch { LayerKind.Lstm => 4, LayerKind.Gru => 3, _ => 1 };
        if (w.Shape[1] != gates * units || r.Shape[0] != directions || r.Shape[1] != gates * units || (b is not null && !b.Shape.AsSpan().SequenceEqual(new[] { directions, 2 * gates * units })))
        {
            return $"{where}: W {w.ShapeText}, R {r.ShapeText}{(b is null ? string.Empty : ", B " + b.ShapeText)} do not fit {directions} direction(s) of {gates} gates × {units} units";
        }

        ChainCheck(where, inputSize);
        var layer = new ImportedLayer(Current, kind, inputSize, units)
        {
            Activation = activation,
            RecurrentActivation = gate,
            UseBias = b is not null,
            Direction = direction switch { "reverse" => Direction.Backward, "bidirectional" => Direction.Bidirectional, _ => Direction.Forward },
            ResetAfter = kind != LayerKind.Gru || OnnxValues.Int(node, "linear_before_reset", 0) != 0,
        };
        long width = (long)layer.Shape.Gates * units;
        for (int d = 0; d < directions; d++)
        {
            layer.Weights.Add(WeightBuilder.FromRows(
                layer,
                WeightLayout.Onnx,
                Slice(w, d, 0, width * inputSize, width, inputSize),
                Slice(r, d, 0, width * units, width, units),
                b is null ? null : Slice(b, d, 0, width, width),
                b is null ? null : Slice(b, d, width, width, width)));
        }

        _model.Layers.Add(layer);
        _model.SourceLayers.Add(new SourceLayer(Current, node.OpType, new[] { w.Entry, r.Entry }.Concat(b is null ? Array.Empty<(string, long[])>() : new[] { b.Entry }).ToList(), null));
        _uses[layer] = new Use();
        _output = layer.OutputSize;
        string[] kinds = { "Y", "Y_h", "Y_c" };
        for (int i = 0; i < node.Output.Count && i < 3; i++)
        {
            if (node.Output[i].Length > 0)
            {
                _live[node.Output[i]] = i == 0 ? new Live(layer, "Y", Rank: 4, TimeAxis: 0) : new Live(layer, kinds[i]); // Y: [seq, dirs, batch, hidden]
            }
        }

        return null;
    }

    private string? Gemm(NodeProto node, Live x)
    {
        Consume(x);
        RawTensor? weight = Constant(node, 1);
        RawTensor? bias = Present(node, 2) ? Constant(node, 2) : null;
        string where = $"node '{Current}' (Gemm)";
        if (weight is null || weight.Shape.Length != 2 || (Present(node, 2) && bias is null))
        {
            return $"{where}: B (and C) must be 2-D / 1-D initializers";
        }

        if (OnnxValues.Int(node, "transA", 0) != 0 || OnnxValues.Float32(node, "alpha", 1) != 1 || OnnxValues.Float32(node, "beta", 1) != 1)
        {
            return $"{where}: transA, alpha and beta other than 0, 1, 1 are not supported";
        }

        bool transposed = OnnxValues.Int(node, "transB", 0) != 0;
        long units = transposed ? weight.Shape[0] : weight.Shape[1];
        bias = bias is null ? null : bias with { Shape = bias.Shape.Length == 2 && bias.Shape[0] == 1 ? new[] { bias.Shape[1] } : bias.Shape };
        ImportedLayer layer = NewDense(where, weight.Shape[transposed ? 1 : 0], units, bias is not null);
        layer.Weights.Add(transposed
            ? WeightBuilder.FromRows(layer, WeightLayout.PyTorch, weight, null, bias, null)
            : WeightBuilder.FromKeras(layer, weight, null, bias));
        Added(node, layer, weight, bias);
        return null;
    }

    private string? MatMul(NodeProto node, Live x)
    {
        Consume(x);
        RawTensor? weight = Constant(node, 1);
        string where = $"node '{Current}' (MatMul)";
        if (weight is null || weight.Shape.Length != 2)
        {
            return $"{where}: the second input must be a 2-D initializer";
        }

        ImportedLayer layer = NewDense(where, weight.Shape[0], weight.Shape[1], useBias: false);
        layer.Weights.Add(WeightBuilder.FromKeras(layer, weight, null, null));
        Added(node, layer, weight, null);
        return null;
    }

    // A MatMul's bias: replaces the bias-less Dense just read by one with the bias.
    private string? Add(NodeProto node, Live x)
    {
        RawTensor? bias = node.Input.Count == 2 ? Constant(node, _live.ContainsKey(node.Input[0]) ? 1 : 0) : null;
        if (x.Layer is not { Kind: LayerKind.Dense, UseBias: false } dense || x.Kind != "dense" || _model.Layers[^1] != dense || bias is null || bias.Shape.Length != 1)
        {
            return $"node '{Current}' (Add) is only supported as a MatMul's bias";
        }

        var withBias = new ImportedLayer(dense.SourceName, LayerKind.Dense, dense.InputSize, dense.Units);
        withBias.Weights.Add(WeightBuilder.FromKeras(withBias, new RawTensor("kernel", new long[] { dense.InputSize, dense.Units }, dense.Weights[0].Kernel), null, bias));
        _model.Layers[^1] = withBias;
        _model.SourceLayers[^1] = _model.SourceLayers[^1] with { Tensors = _model.SourceLayers[^1].Tensors.Append(bias.Entry).ToList() };
        _live[node.Output[0]] = new Live(withBias, "dense");
        return null;
    }

    private string? Fold(NodeProto node, Live x)
    {
        if (x.Layer is not { Kind: LayerKind.Dense, Activation: Activation.Linear } dense || x.Kind != "dense" || _model.Layers[^1] != dense)
        {
            return $"node '{Current}' ({node.OpType}) is only supported right after a Dense (Gemm / MatMul) without activation";
        }

        dense.Activation = node.OpType switch { "Relu" => Activation.Relu, "Tanh" => Activation.Tanh, "Sigmoid" => Activation.Sigmoid, _ => Activation.Softmax };
        _live[node.Output[0]] = x;
        return null;
    }

    private string? LastStep(NodeProto node, Live x)
    {
        // The selected axis must be the one time went to (Gather's axis attribute, Slice's axes input; default 0).
        long selected = node.OpType == "Gather" ? OnnxValues.Int(node, "axis", 0) : Constant(node, 3) is { Values: [var only] } ? (long)only : Present(node, 3) ? -99 : 0;
        bool onTime = x.TimeAxis >= 0 && (selected < 0 ? selected + x.Rank : selected) == x.TimeAxis;
        bool last = node.OpType == "Gather"
            ? Constant(node, 1) is { Values: [-1] } && Constant(node, 1)!.Shape.Length == 0
            : Constant(node, 1) is { Values: [-1] } && (Constant(node, 2) is { Values: [var end] } && end > 1e9f) && (!Present(node, 4) || Constant(node, 4) is { Values: [1] });
        if (!last || !onTime || x.Kind != "Y" || x.Layer is null || _uses[x.Layer].LastStep)
        {
            return $"node '{Current}' ({node.OpType}) is only supported taking the last step ([-1]) along the time axis of a recurrent layer's output";
        }

        _uses[x.Layer].LastStep = true;
        _glueCounts[node.OpType + " (last step)"] = 1;
        _live[node.Output[0]] = new Live(x.Layer, "step");
        return null;
    }

    private ImportedLayer NewDense(string where, long inputs, long units, bool useBias)
    {
        int inputSize = WeightBuilder.Size(inputs, where + " input size");
        ChainCheck(where, inputSize);
        return new ImportedLayer(Current, LayerKind.Dense, inputSize, WeightBuilder.Size(units, where + " units")) { UseBias = useBias };
    }

    private void Added(NodeProto node, ImportedLayer layer, RawTensor weight, RawTensor? bias)
    {
        _model.Layers.Add(layer);
        _model.SourceLayers.Add(new SourceLayer(Current, node.OpType, bias is null ? new[] { weight.Entry } : new[] { weight.Entry, bias.Entry }, null));
        _output = layer.Units;
        _live[node.Output[0]] = new Live(layer, "dense");
    }

    private void ChainCheck(string where, int inputSize)
    {
        if (_model.Unsupported.Count == 0 && _output is not null && _output != inputSize)
        {
            throw new ModelImportException($"ONNX {where}: takes {inputSize} inputs but the layer before outputs {_output}.");
        }
    }

    // Records how a recurrent layer's outputs are used: its full sequence (Y), or only its final state (Y_h).
    private void Consume(Live value)
    {
        if (value.Layer is { } layer && _uses.TryGetValue(layer, out Use? use))
        {
            use.Sequence |= value.Kind == "Y";
            use.FinalState |= value.Kind == "Y_h";
            use.Cell |= value.Kind == "Y_c";
        }
    }

    private void Finish()
    {
        if (_graph.Output.Count == 0 || !_live.TryGetValue(_graph.Output[0].Name, out Live? result))
        {
            _model.Unsupported.Add($"ONNX: the graph output '{_graph.Output.FirstOrDefault()?.Name}' does not come from the model's input through supported nodes");
            return;
        }

        Consume(result);
        if (_graph.Output.Count > 1)
        {
            _model.Notes.Add($"only the first graph output '{_graph.Output[0].Name}' is imported; {_graph.Output.Count - 1} other output(s) ignored");
        }

        foreach ((ImportedLayer layer, Use use) in _uses)
        {
            string where = $"node '{layer.SourceName}'";
            layer.ReturnSequences = use.Sequence && !use.LastStep;
            if (use.Cell || (use.FinalState && use.Sequence))
            {
                _model.Unsupported.Add($"{where}: its Y_c output, or both Y and Y_h, are used; RnnGen layers feed one output forward");
            }
            else if (use.FinalState && layer.Direction == Direction.Bidirectional)
            {
                _model.Unsupported.Add($"{where}: the final state Y_h of a bidirectional layer is used; only its sequence Y is supported");
            }
            else if (layer.Direction == Direction.Backward && (use.Sequence))
            {
                _model.Unsupported.Add($"{where}: a reverse layer's Y is aligned to input time, while RnnGen's Backward returns processing order; use its final state Y_h, or make it bidirectional");
            }
        }

        if (_glueCounts.Count > 0)
        {
            _model.Notes.Add("shape glue passed through: " + string.Join(", ", _glueCounts.Select(g => g.Value > 1 ? $"{g.Key} ×{g.Value}" : g.Key)));
        }

        _model.InputSize = _model.Layers.Count > 0 ? _model.Layers[0].InputSize : 0;
        if (_model.Layers.Any(l => l.Kind == LayerKind.Gru && !l.ResetAfter))
        {
            _model.NativeLayout = WeightLayout.Keras; // PyTorch has no reset-before GRU
        }
    }

    private RawTensor? Constant(NodeProto node, int index) =>
        index < node.Input.Count && _constants.TryGetValue(node.Input[index], out RawTensor? tensor) ? tensor : null;

    private static bool Present(NodeProto node, int index) => index < node.Input.Count && node.Input[index].Length > 0;

    // One direction's block of a [directions, …] ONNX tensor, reshaped to `shape`.
    private static RawTensor Slice(RawTensor tensor, int direction, long offset, long length, params long[] shape)
    {
        long perDirection = tensor.Values.Length / tensor.Shape[0];
        if (offset + length > perDirection || tensor.Values.Length % tensor.Shape[0] != 0)
        {
            throw new ModelImportException($"ONNX: '{tensor.Name}' {tensor.ShapeText} is too small for the node's sizes.");
        }

        return new RawTensor($"{tensor.Name}[{direction}]", shape, tensor.Values.AsSpan((int)((direction * perDirection) + offset), (int)length).ToArray());
    }

    /// <summary>A value on the model's path: what produced it, and for a recurrent output its rank and where time is.</summary>
    private sealed record Live(ImportedLayer? Layer, string Kind, int Rank = -1, int TimeAxis = -1);

    private sealed class Use
    {
        public bool Sequence { get; set; }

        public bool FinalState { get; set; }

        public bool Cell { get; set; }

        public bool LastStep { get; set; }
    }
}
