using System.Collections.Generic;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting.Layers;

/// <summary>LSTM: four gates, and a cell state c after h in each direction's state.</summary>
internal sealed class LstmLayerEmitter : RecurrentLayerEmitter
{
    public static readonly LstmLayerEmitter Instance = new();

    public override string Cell(LayerPlan layer) => $"{TypeNames.Kernels}.LstmLaneCell<{Types(layer)}>";

    public override IEnumerable<StateView> StateViews(LayerPlan layer)
    {
        foreach (StateView hidden in base.StateViews(layer))
        {
            yield return hidden;
            yield return new StateView(StatePart.Cell, hidden.Direction, hidden.Offset + layer.Spec.Units, layer.Spec.Units);
        }
    }

    protected override string BatchKernel(LayerPlan layer) => $"{TypeNames.Kernels}.LstmBatchKernel<{Types(layer)}>";

    private static string Types(LayerPlan layer) =>
        $"TLanes, TVector, {TypeNames.SizesOf(layer)}, {TypeNames.Activation(layer.Spec.RecurrentActivation, layer)}, {TypeNames.Activation(layer.Spec.Activation, layer)}";
}
