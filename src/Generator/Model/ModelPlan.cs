using System.Collections.Generic;

namespace RnnGen.Generator.Model;

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

    /// <summary>See <see cref="LayerKinds.OutputIsState"/>.</summary>
    public bool OutputIsState => LayerKinds.OutputIsState(Spec.Kind);

    /// <summary>A layer whose output is its state outputs a sequence when it returns sequences; the others whenever their input is one.</summary>
    public bool OutputIsSequence => OutputIsState ? Spec.ReturnSequences : InputIsSequence;

    /// <summary>Index of the layer's first weight array (one per direction; Dense one; activation none), as <c>WeightSlots</c> numbers them.</summary>
    public int FirstSlot { get; }

    public int SlotCount => Spec.IsRecurrent ? Spec.Directions : LayerKinds.HasWeights(Spec.Kind) ? 1 : 0;

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

    /// <summary>Floats per stream of the outputs that are not a layer's state and not the model's (inputs of the next layer).</summary>
    public int InnerOutputWidth
    {
        get
        {
            int width = 0;
            foreach (LayerPlan layer in Layers)
            {
                if (!layer.OutputIsState && layer != Last)
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
