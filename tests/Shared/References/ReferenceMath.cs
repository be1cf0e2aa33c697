using System;

namespace RnnGen.Tests.Shared.References;

/// <summary>The one matrix product of the reference cells, in plain loops so a reference never takes a SIMD path.</summary>
internal static class ReferenceMath
{
    /// <summary>y[j] += Σ_k x[k] · m[k·stride + j] for j &lt; y.Length (a column range of a row-major matrix).</summary>
    public static void MultiplyAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> m, int stride, Span<float> y)
    {
        for (int k = 0; k < x.Length; k++)
        {
            ReadOnlySpan<float> row = m.Slice(k * stride, y.Length);
            for (int j = 0; j < y.Length; j++)
            {
                y[j] += x[k] * row[j];
            }
        }
    }
}
