using System;
using System.Numerics;

namespace RnnGen.Benchmarks;

/// <summary>
/// The benchmarks' deterministic weights and inputs: SplitMix64 by counter, each value a 24-bit integer times a power
/// of two, so float32 is exact. benchmarks/models/make_onnx.py computes the same weights for the ONNX models.
/// </summary>
public static class BenchWeights
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Seed code per kind; make_onnx.py uses the same codes.</summary>
    public static int KindCode(LayerKind kind) => kind switch
    {
        LayerKind.SimpleRnn => 1,
        LayerKind.Lstm => 2,
        LayerKind.Gru => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a recurrent kind"),
    };

    /// <summary>All parameters of a one-layer model in PyTorch order, in [-2^-k, 2^-k) with 2^-k ≈ 1/√units (PyTorch's init range).</summary>
    public static float[] PyTorchParameters(LayerShape layer)
    {
        int count = layer.Gates * layer.Units * (layer.InputSize + layer.Units + 2);
        int k = (32 - BitOperations.LeadingZeroCount((uint)(layer.Units - 1)) + 1) / 2;
        return Uniform(Seed(layer), count, k);
    }

    /// <summary>Inputs in [-1, 1), from a seed no weight uses.</summary>
    public static float[] Inputs(LayerShape layer, int count) =>
        Uniform(Seed(layer) | (1UL << 48), count, 0);

    /// <summary>(kind code &lt;&lt; 32) | (input &lt;&lt; 16) | units, as make_onnx.py's weight_seed.</summary>
    public static ulong Seed(LayerShape layer) =>
        ((ulong)(uint)KindCode(layer.Kind) << 32) | ((ulong)(uint)layer.InputSize << 16) | (uint)layer.Units;

    /// <summary>count values in [-2^-k, 2^-k): the i-th SplitMix64 output (i = 1..count) after <paramref name="seed"/>.</summary>
    public static float[] Uniform(ulong seed, int count, int k)
    {
        float scale = MathF.ScaleB(1f, -23 - k);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            ulong z = unchecked(seed + ((ulong)(i + 1) * Golden));
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            z ^= z >> 31;
            int top = (int)(z >> 40) - (1 << 23);
            values[i] = top * scale;
        }

        return values;
    }
}
