using System.Collections.Generic;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting;

/// <summary>One layer with everything derived from its place in the model: widths, offsets, sequence-ness.</summary>
internal sealed class LayerPlan
{
    public LayerPlan(int index, LayerSpec spec, int inputWidth, bool inputIsSequence, int firstSlot, int stateOffset, long canonicalOffset)
    {
        CanonicalOffset = canonicalOffset;
        Index = index;
        Spec = spec;
        InputWidth = inputWidth;
        InputIsSequence = inputIsSequence;
        FirstSlot = firstSlot;
        StateOffset = stateOffset;
        Shape = spec.Shape(inputWidth);
    }

    public int Index { get; }

    public LayerSpec Spec { get; }

    public LayerShape Shape { get; }

    public int InputWidth { get; }

    public int OutputWidth => Spec.OutputWidth;

    public bool InputIsSequence { get; }

    public bool OutputIsSequence => Spec.IsRecurrent ? Spec.ReturnSequences : InputIsSequence;

    /// <summary>Index of the layer's first weight array (one per direction; Dense one; activation none), as <c>WeightSlots</c> numbers them.</summary>
    public int FirstSlot { get; }

    public int SlotCount => Spec.IsRecurrent ? Spec.Directions : LayerKinds.HasWeights(Spec.Kind) ? 1 : 0;

    /// <summary>Name of the generated struct that carries the α of the layer's ELU / Leaky ReLU; null when it has none.</summary>
    public string? AlphaName => Spec.Alpha is null ? null : "RnnGenLayer" + Index + "Alpha";

    /// <summary>Whether the layer runs on a lane-packed SIMD kernel: every recurrent layer (Dense has its own).</summary>
    public bool UsesLaneKernel => KernelScratch.UsesLaneKernel(Shape);

    /// <summary>Name of the generated struct that carries the layer's sizes as constants.</summary>
    public string SizesName => "RnnGenLayer" + Index + "Sizes";

    /// <summary>Where the layer's weights start in the model's canonical weights (<c>CanonicalLayout</c>).</summary>
    public long CanonicalOffset { get; }

    /// <summary>Offset of direction 0's state (h, then c for LSTM).</summary>
    public int StateOffset { get; }

    public int StateLength => Spec.Directions * Spec.StatePerDirection;

    public int CellScratchLength => KernelScratch.Length(Shape);
}

/// <summary>The model laid out for emission: layers with offsets, and the sizes of state and scratch.</summary>
internal sealed class ModelPlan
{
    public ModelPlan(ModelSpec model)
    {
        Model = model;
        int width = model.InputSize;
        bool sequence = true;
        int slots = 0;
        int state = 0;
        long canonical = 0;
        long largest = -1;
        foreach (LayerSpec spec in model.Layers)
        {
            var layer = new LayerPlan(Layers.Count, spec, width, sequence, slots, state, canonical);
            long length = CanonicalLayout.LayerLength(layer.Shape);
            if (length > largest)
            {
                (largest, MainLayer) = (length, layer.Index);
            }

            canonical += length;
            Layers.Add(layer);
            width = layer.OutputWidth;
            sequence = layer.OutputIsSequence;
            slots += layer.SlotCount;
            state += layer.StateLength;
            ParameterCount += FrameworkTensors.Count(layer.Shape, WeightLayout.Keras);
            CellScratchLength = System.Math.Max(CellScratchLength, layer.CellScratchLength);
            ProjectionLength = (int)System.Math.Max(ProjectionLength, KernelScratch.ProjectionLength(layer.Shape));
        }

        OutputSize = width;
        ReturnsSequences = sequence;
        StateLength = state;
        if (Layers.Exists(layer => layer.Spec.LearnedInitialState))
        {
            InitialStateSlot = slots;
        }

        CanStream = true;
        foreach (LayerPlan layer in Layers)
        {
            CanStream &= !layer.Spec.IsRecurrent || layer.Spec.Direction == Direction.Forward;
        }
    }

    public ModelSpec Model { get; }

    /// <summary>Whether generated cores carry [SkipLocalsInit] (the project allows unsafe code).</summary>
    public bool SkipLocalsInit { get; set; }

    public List<LayerPlan> Layers { get; } = new();

    public int OutputSize { get; }

    public bool ReturnsSequences { get; }

    /// <summary>True when every recurrent layer is Forward, so the model can be stepped one input at a time.</summary>
    public bool CanStream { get; }

    public int StateLength { get; }

    /// <summary>The layer with the most weights, whose path the model's <c>VectorPath</c> reports.</summary>
    public int MainLayer { get; }

    /// <summary>The weight array holding the learned initial state (see <c>WeightSlots</c>); null when no layer learned one.</summary>
    public int? InitialStateSlot { get; }

    public long ParameterCount { get; }

    public int CellScratchLength { get; }

    /// <summary>Floats per stream of the outputs of Dense and activation layers that are not last (inputs of the next layer).</summary>
    public int InnerOutputWidth
    {
        get
        {
            int width = 0;
            foreach (LayerPlan layer in Layers)
            {
                if (!layer.Spec.IsRecurrent && layer != Last)
                {
                    width += layer.OutputWidth;
                }
            }

            return width;
        }
    }

    /// <summary>Floats for Run's chunk of input projections (the largest any layer needs).</summary>
    public int ProjectionLength { get; }

    public LayerPlan Last => Layers[Layers.Count - 1];
}
