using System;
using RnnGen.Activations;
using RnnGen.Kernels;

namespace RnnGen.Tests.Shared.References;

/// <summary>
/// The scalar reference the lane kernels are tested against (plain loops, no SIMD, no packing):
/// z, r = gate(x·W + h·U + b); candidate = act(x·W_h + b_h + r·(h·U_h + b'_h)) in the reset-after form
/// (Keras 2/3 default, PyTorch, ONNX linear_before_reset=1) or act(x·W_h + (r·h)·U_h + b_h) in the
/// original form; h = z·h + (1 − z)·candidate. Weights in <see cref="CanonicalLayout"/> (gates z, r, h).
/// </summary>
/// <typeparam name="TGate">Recurrent (gate) activation.</typeparam>
/// <typeparam name="TActivation">Candidate activation.</typeparam>
public readonly struct GruReference<TGate, TActivation> : IRecurrentCell
    where TGate : struct, IElementwiseActivation
    where TActivation : struct, IElementwiseActivation
{
    private readonly float[] _weights;
    private readonly int _offset;
    private readonly int _inputSize;
    private readonly bool _resetAfter;

    /// <summary>A cell reading its weights from <paramref name="weights"/> at <paramref name="offset"/>.</summary>
    public GruReference(float[] weights, int offset, int inputSize, int units, bool resetAfter)
    {
        _weights = weights;
        _offset = offset;
        _inputSize = inputSize;
        _resetAfter = resetAfter;
        Units = units;
    }

    /// <inheritdoc/>
    public int Units { get; }

    /// <inheritdoc/>
    public int StateLength => Units;

    /// <inheritdoc/>
    public int ScratchLength => 4 * Units;

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<float> input, Span<float> state, Span<float> scratch)
    {
        int units = Units;
        int gateUnits = 3 * units;
        ReadOnlySpan<float> w = _weights.AsSpan(_offset, ((_inputSize + units + 1) * gateUnits) + units);
        ReadOnlySpan<float> recurrent = w.Slice(_inputSize * gateUnits, units * gateUnits);
        Span<float> h = state.Slice(0, units);
        Span<float> gates = scratch.Slice(0, gateUnits);
        Span<float> candidate = scratch.Slice(gateUnits, units);

        // z and r: input and recurrent parts together; the candidate's recurrent part separately.
        w.Slice((_inputSize + units) * gateUnits, gateUnits).CopyTo(gates);
        ReferenceMath.MultiplyAdd(input, w.Slice(0, _inputSize * gateUnits), gateUnits, gates);
        ReferenceMath.MultiplyAdd(h, recurrent, gateUnits, gates.Slice(0, 2 * units));

        if (_resetAfter)
        {
            w.Slice((_inputSize + units + 1) * gateUnits, units).CopyTo(candidate);
            ReferenceMath.MultiplyAdd(h, recurrent.Slice(2 * units), gateUnits, candidate);
            for (int j = 0; j < units; j++)
            {
                float r = TGate.Invoke(gates[units + j]);
                gates[(2 * units) + j] += r * candidate[j];
            }
        }
        else
        {
            for (int j = 0; j < units; j++)
            {
                candidate[j] = TGate.Invoke(gates[units + j]) * h[j];
            }

            ReferenceMath.MultiplyAdd(candidate, recurrent.Slice(2 * units), gateUnits, gates.Slice(2 * units, units));
        }

        for (int j = 0; j < units; j++)
        {
            float z = TGate.Invoke(gates[j]);
            float hh = TActivation.Invoke(gates[(2 * units) + j]);
            h[j] = (z * h[j]) + ((1f - z) * hh);
        }
    }
}
