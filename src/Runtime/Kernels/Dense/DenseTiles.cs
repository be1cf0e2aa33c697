using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels.Batch;

/// <summary>
/// x·W + b of a Dense layer for many streams: per register of output columns, tiles of four streams share each
/// weight load. Every output is b, then + x[k]·W[k, j] for k in order, a multiply and an add each (not fused), as
/// <see cref="MatrixVector.MultiplyAdd"/> computes it for one stream; lanes never mix, so the register width does
/// not change a bit and the results equal <see cref="DenseLayer{TActivation}.Apply"/> per stream exactly.
/// </summary>
internal static class DenseTiles<TLanes, TVector>
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
{
    /// <summary>
    /// outputs[s × outputStride + j] = b[j] + Σ_k inputs[s × inputStride + k] · W[k, j] for every stream s,
    /// with <paramref name="weights"/> = W [inputSize × units] row-major, then b.
    /// </summary>
    public static void MultiplyAdd(ReadOnlySpan<float> weights, int inputSize, int units, ReadOnlySpan<float> inputs, int inputStride, Span<float> outputs, int outputStride, int streams)
    {
        if (streams < 1 || weights.Length < (inputSize + 1) * units || inputs.Length < ((streams - 1) * inputStride) + inputSize || outputs.Length < ((streams - 1) * outputStride) + units)
        {
            KernelErrors.ThrowSizes("batched Dense");
        }

        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float x = ref MemoryMarshal.GetReference(inputs);
        ref float y = ref MemoryMarshal.GetReference(outputs);
        int lanes = TLanes.Count;
        int column = 0;
        for (; column + lanes <= units; column += lanes)
        {
            int stream = 0;
            for (; stream + 4 <= streams; stream += 4)
            {
                Tile4(ref w, inputSize, units, column, ref Unsafe.Add(ref x, stream * inputStride), inputStride, ref Unsafe.Add(ref y, stream * outputStride), outputStride);
            }

            for (; stream < streams; stream++)
            {
                Tile1(ref w, inputSize, units, column, ref Unsafe.Add(ref x, stream * inputStride), ref Unsafe.Add(ref y, stream * outputStride));
            }
        }

        // Columns past the last whole register, one at a time: the same multiply and add per element.
        for (; column < units; column++)
        {
            for (int stream = 0; stream < streams; stream++)
            {
                ref float xs = ref Unsafe.Add(ref x, stream * inputStride);
                float sum = Unsafe.Add(ref w, (inputSize * units) + column);
                for (int k = 0; k < inputSize; k++)
                {
                    sum += Unsafe.Add(ref xs, k) * Unsafe.Add(ref w, (k * units) + column);
                }

                Unsafe.Add(ref y, (stream * outputStride) + column) = sum;
            }
        }
    }

    private static void Tile4(ref float w, int inputSize, int units, int column, ref float x0, int inputStride, ref float y0, int outputStride)
    {
        ref float x1 = ref Unsafe.Add(ref x0, inputStride);
        ref float x2 = ref Unsafe.Add(ref x1, inputStride);
        ref float x3 = ref Unsafe.Add(ref x2, inputStride);
        TVector s0 = TLanes.Load(ref w, (nuint)((inputSize * units) + column));
        TVector s1 = s0, s2 = s0, s3 = s0;
        for (int k = 0; k < inputSize; k++)
        {
            TVector wk = TLanes.Load(ref w, (nuint)((k * units) + column));
            s0 = TLanes.Add(s0, TLanes.Multiply(TLanes.Broadcast(Unsafe.Add(ref x0, k)), wk));
            s1 = TLanes.Add(s1, TLanes.Multiply(TLanes.Broadcast(Unsafe.Add(ref x1, k)), wk));
            s2 = TLanes.Add(s2, TLanes.Multiply(TLanes.Broadcast(Unsafe.Add(ref x2, k)), wk));
            s3 = TLanes.Add(s3, TLanes.Multiply(TLanes.Broadcast(Unsafe.Add(ref x3, k)), wk));
        }

        TLanes.Store(s0, ref y0, (nuint)column);
        TLanes.Store(s1, ref y0, (nuint)(outputStride + column));
        TLanes.Store(s2, ref y0, (nuint)((2 * outputStride) + column));
        TLanes.Store(s3, ref y0, (nuint)((3 * outputStride) + column));
    }

    private static void Tile1(ref float w, int inputSize, int units, int column, ref float x, ref float y)
    {
        TVector sum = TLanes.Load(ref w, (nuint)((inputSize * units) + column));
        for (int k = 0; k < inputSize; k++)
        {
            sum = TLanes.Add(sum, TLanes.Multiply(TLanes.Broadcast(Unsafe.Add(ref x, k)), TLanes.Load(ref w, (nuint)((k * units) + column))));
        }

        TLanes.Store(sum, ref y, (nuint)column);
    }
}
