using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>Vector-times-matrix accumulation, the inner loop of every layer.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MatrixVector
{
    /// <summary>
    /// y[j] += Σ_k x[k] · m[k·stride + j] for j &lt; y.Length: x times the row-major matrix m whose rows are
    /// <paramref name="stride"/> floats apart (a column range of a wider matrix when y is narrower than stride).
    /// </summary>
    public static void MultiplyAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> m, int stride, Span<float> y)
    {
        int columns = y.Length;
        if (x.Length == 0 || columns == 0)
        {
            return;
        }

        // One bounds check for the whole matrix, then unchecked loads.
        if ((long)(x.Length - 1) * stride + columns > m.Length)
        {
            throw new ArgumentException("matrix is smaller than x.Length rows of the given stride", nameof(m));
        }

        ref float mRef = ref MemoryMarshal.GetReference(m);
        ref float yRef = ref MemoryMarshal.GetReference(y);
        int j = 0;

        // Column blocks stay in registers while every row is added to them.
        if (Vector256.IsHardwareAccelerated)
        {
            for (; j <= columns - 16; j += 16)
            {
                Vector256<float> acc0 = Vector256.LoadUnsafe(ref yRef, (nuint)j);
                Vector256<float> acc1 = Vector256.LoadUnsafe(ref yRef, (nuint)(j + 8));
                for (int k = 0; k < x.Length; k++)
                {
                    Vector256<float> xk = Vector256.Create(x[k]);
                    nuint row = (nuint)((k * stride) + j);
                    acc0 += xk * Vector256.LoadUnsafe(ref mRef, row);
                    acc1 += xk * Vector256.LoadUnsafe(ref mRef, row + 8);
                }

                acc0.StoreUnsafe(ref yRef, (nuint)j);
                acc1.StoreUnsafe(ref yRef, (nuint)(j + 8));
            }

            for (; j <= columns - 8; j += 8)
            {
                Vector256<float> acc = Vector256.LoadUnsafe(ref yRef, (nuint)j);
                for (int k = 0; k < x.Length; k++)
                {
                    acc += Vector256.Create(x[k]) * Vector256.LoadUnsafe(ref mRef, (nuint)((k * stride) + j));
                }

                acc.StoreUnsafe(ref yRef, (nuint)j);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; j <= columns - 4; j += 4)
            {
                Vector128<float> acc = Vector128.LoadUnsafe(ref yRef, (nuint)j);
                for (int k = 0; k < x.Length; k++)
                {
                    acc += Vector128.Create(x[k]) * Vector128.LoadUnsafe(ref mRef, (nuint)((k * stride) + j));
                }

                acc.StoreUnsafe(ref yRef, (nuint)j);
            }
        }

        for (; j < columns; j++)
        {
            float acc = Unsafe.Add(ref yRef, j);
            for (int k = 0; k < x.Length; k++)
            {
                acc += x[k] * Unsafe.Add(ref mRef, (k * stride) + j);
            }

            Unsafe.Add(ref yRef, j) = acc;
        }
    }
}
