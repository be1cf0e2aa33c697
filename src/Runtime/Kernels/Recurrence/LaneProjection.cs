using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels;

/// <summary>
/// The input half of a recurrent layer for many steps at once (a small GEMM): for every step, every block and
/// every gate, bias + x·W over the packed input rows. Eight steps share each weight load, so this part runs at
/// FMA throughput instead of the latency-bound pace of a single step; the recurrence then only adds h·U.
/// Output per step: [block][gate][lanes], the layout <c>Recur</c> of each lane kernel reads.
/// </summary>
internal static class LaneProjection<TLanes, TVector, TSizes, TPacking>
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
    where TSizes : struct, ILayerSizes
    where TPacking : struct, IPacking
{

    /// <summary>Floats of projection per step: every gate of every padded unit.</summary>
    public static int LengthPerStep => PackedLayout<TLanes, TVector, TSizes, TPacking>.ProjectionLength;

    /// <summary>Projects <paramref name="steps"/> input vectors, the bias row following the hidden rows.</summary>
    /// <param name="weights">The layer direction's packed weights.</param>
    /// <param name="inputs">steps × InputSize floats.</param>
    /// <param name="steps">Number of steps.</param>
    /// <param name="projections">steps × <see cref="LengthPerStep"/> floats.</param>
    public static void Project(ReadOnlySpan<float> weights, ReadOnlySpan<float> inputs, int steps, Span<float> projections) =>
        Project(weights, PackedLayout<TLanes, TVector, TSizes, TPacking>.BiasRowStart, inputs, steps, projections);

    /// <summary>As the overload without <paramref name="biasOffset"/>, for packings whose bias row does not follow every hidden row.</summary>
    /// <param name="weights">The layer direction's packed weights.</param>
    /// <param name="biasOffset">Floats from a block's start to its bias row.</param>
    /// <param name="inputs">steps × InputSize floats.</param>
    /// <param name="steps">Number of steps.</param>
    /// <param name="projections">steps × <see cref="LengthPerStep"/> floats.</param>
    public static void Project(ReadOnlySpan<float> weights, int biasOffset, ReadOnlySpan<float> inputs, int steps, Span<float> projections)
    {
        int lanes = TLanes.Count;
        int inputSize = TSizes.InputSize;
        int gates = TPacking.Gates;
        int blocks = PackedLayout<TLanes, TVector, TSizes, TPacking>.Blocks;
        int blockLength = PackedLayout<TLanes, TVector, TSizes, TPacking>.BlockLength;
        int perStep = PackedLayout<TLanes, TVector, TSizes, TPacking>.ProjectionLength;
        int rowLength = PackedLayout<TLanes, TVector, TSizes, TPacking>.RowLength;
        if (weights.Length < blocks * blockLength || inputs.Length < steps * inputSize || projections.Length < steps * perStep)
        {
            KernelErrors.ThrowSizes("projection");
        }

        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float x = ref MemoryMarshal.GetReference(inputs);
        ref float output = ref MemoryMarshal.GetReference(projections);
        for (int block = 0; block < blocks; block++)
        {
            for (int gate = 0; gate < gates; gate++)
            {
                ref float column = ref Unsafe.Add(ref w, (block * blockLength) + (gate * lanes));
                TVector bias = TLanes.Load(ref column, (nuint)biasOffset);
                nuint target = (nuint)(((block * gates) + gate) * lanes);
                int t = 0;
                for (; t + 8 <= steps; t += 8)
                {
                    TVector a0 = bias, a1 = bias, a2 = bias, a3 = bias, a4 = bias, a5 = bias, a6 = bias, a7 = bias;
                    ref float xt = ref Unsafe.Add(ref x, t * inputSize);
                    for (int k = 0; k < inputSize; k++)
                    {
                        TVector weight = TLanes.Load(ref column, (nuint)(k * rowLength));
                        a0 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref xt, k)), weight, a0);
                        a1 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref xt, inputSize + k)), weight, a1);
                        a2 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref xt, (2 * inputSize) + k)), weight, a2);
                        a3 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref xt, (3 * inputSize) + k)), weight, a3);
                        a4 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref xt, (4 * inputSize) + k)), weight, a4);
                        a5 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref xt, (5 * inputSize) + k)), weight, a5);
                        a6 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref xt, (6 * inputSize) + k)), weight, a6);
                        a7 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref xt, (7 * inputSize) + k)), weight, a7);
                    }

                    nuint at = target + (nuint)(t * perStep);
                    nuint step = (nuint)perStep;
                    TLanes.Store(a0, ref output, at);
                    TLanes.Store(a1, ref output, at + step);
                    TLanes.Store(a2, ref output, at + (2 * step));
                    TLanes.Store(a3, ref output, at + (3 * step));
                    TLanes.Store(a4, ref output, at + (4 * step));
                    TLanes.Store(a5, ref output, at + (5 * step));
                    TLanes.Store(a6, ref output, at + (6 * step));
                    TLanes.Store(a7, ref output, at + (7 * step));
                }

                for (; t < steps; t++)
                {
                    TVector a0 = bias;
                    ref float xt = ref Unsafe.Add(ref x, t * inputSize);
                    for (int k = 0; k < inputSize; k++)
                    {
                        a0 = TLanes.MultiplyAdd(TLanes.Broadcast(Unsafe.Add(ref xt, k)), TLanes.Load(ref column, (nuint)(k * rowLength)), a0);
                    }

                    TLanes.Store(a0, ref output, target + (nuint)(t * perStep));
                }
            }
        }
    }
}
