using System;
using RnnGen.Activations;
using RnnGen.Kernels;

namespace RnnGen.Tests.Shared.References;

/// <summary>
/// The scalar reference the lane kernels are tested against (plain loops, no SIMD, no packing):
/// i, f, o = gate(x·W + h·U + b) per block; c = f·c + i·act(x·W_c + h·U_c + b_c); h = o·act(c).
/// Weights in <see cref="CanonicalLayout"/> (gates i, f, c, o).
/// </summary>
/// <typeparam name="TGate">Recurrent (gate) activation.</typeparam>
/// <typeparam name="TActivation">Candidate and output activation.</typeparam>
public readonly struct LstmReference<TGate, TActivation> : IRecurrentCell
    where TGate : struct, IElementwiseActivation
    where TActivation : struct, IElementwiseActivation
{
    private readonly float[] _weights;
    private readonly int _offset;
    private readonly int _inputSize;

    /// <summary>A cell reading its weights from <paramref name="weights"/> at <paramref name="offset"/>.</summary>
    public LstmReference(float[] weights, int offset, int inputSize, int units)
    {
        _weights = weights;
        _offset = offset;
        _inputSize = inputSize;
        Units = units;
    }

    /// <inheritdoc/>
    public int Units { get; }

    /// <inheritdoc/>
    public int StateLength => 2 * Units;

    /// <inheritdoc/>
    public int ScratchLength => 4 * Units;

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<float> input, Span<float> state, Span<float> scratch)
    {
        int units = Units;
        int gateUnits = 4 * units;
        ReadOnlySpan<float> w = _weights.AsSpan(_offset, (_inputSize + units + 1) * gateUnits);
        Span<float> h = state.Slice(0, units);
        Span<float> c = state.Slice(units, units);
        Span<float> gates = scratch.Slice(0, gateUnits);

        w.Slice((_inputSize + units) * gateUnits, gateUnits).CopyTo(gates);
        ReferenceMath.MultiplyAdd(input, w.Slice(0, _inputSize * gateUnits), gateUnits, gates);
        ReferenceMath.MultiplyAdd(h, w.Slice(_inputSize * gateUnits, units * gateUnits), gateUnits, gates);

        for (int j = 0; j < units; j++)
        {
            float i = TGate.Invoke(gates[j]);
            float f = TGate.Invoke(gates[units + j]);
            float candidate = TActivation.Invoke(gates[(2 * units) + j]);
            float o = TGate.Invoke(gates[(3 * units) + j]);
            float cell = (f * c[j]) + (i * candidate);
            c[j] = cell;
            h[j] = o * TActivation.Invoke(cell);
        }
    }
}
