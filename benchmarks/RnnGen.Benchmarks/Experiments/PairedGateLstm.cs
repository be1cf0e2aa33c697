using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RnnGen.Activations;
using RnnGen.Kernels;

namespace RnnGen.Benchmarks.Experiments;

/// <summary>
/// The small-layer layout tried for issue 14 (not in the runtime): an LSTM of at most 2 units with all four gates in
/// two 128-bit registers, [i i g g] and [f f o o], so each weight row takes 2 FMAs instead of 4 and the gates take one
/// tanh per register (sigmoid as ½·tanh(x/2)+½ on the i/f/o lanes, tanh itself on the g lanes) instead of four
/// activations. It reads the runtime's 128-bit lane packing unchanged (rows [i··|f··|g··|o··], padding zero) and
/// pairs the gates as it loads, so results are bit-identical to LstmKernel on Lanes128 (checked before timing).
/// </summary>
public static class PairedGateLstm<TTanh>
    where TTanh : struct, IElementwiseActivation
{
    private const int RowLength = 16; // 4 gates × 4 lanes in the 128-bit lane packing

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Step(int inputSize, ReadOnlySpan<float> weights, ReadOnlySpan<float> input, Span<float> state)
    {
        int rows = inputSize + 2;
        if (weights.Length < (rows + 1) * RowLength || input.Length < inputSize || state.Length < 4)
        {
            throw new ArgumentException("spans too small for a 2-unit LSTM");
        }

        ref float w = ref MemoryMarshal.GetReference(weights);
        ref float x = ref MemoryMarshal.GetReference(input);
        ref float h = ref MemoryMarshal.GetReference(state);
        Vector128<float> ig = Pair(ref w, rows, 0, 2);
        Vector128<float> fo = Pair(ref w, rows, 1, 3);
        for (int row = 0; row < rows; row++)
        {
            Vector128<float> value = Vector128.Create(row < inputSize ? Unsafe.Add(ref x, row) : Unsafe.Add(ref h, row - inputSize));
            ig = VectorMath.MultiplyAdd(value, Pair(ref w, row, 0, 2), ig);
            fo = VectorMath.MultiplyAdd(value, Pair(ref w, row, 1, 3), fo);
        }

        Vector128<float> half = Vector128.Create(0.5f);
        Vector128<float> scale = Vector128.Create(0.5f, 0.5f, 1f, 1f);
        ig = VectorMath.MultiplyAdd(TTanh.Invoke(ig * scale), scale, Vector128.Create(0.5f, 0.5f, 0f, 0f));
        fo = VectorMath.MultiplyAdd(TTanh.Invoke(fo * half), half, half);
        Vector128<int> high = Vector128.Create(2, 3, 2, 3);
        Vector128<float> c = Vector128.CreateScalar(Unsafe.As<float, double>(ref Unsafe.Add(ref h, 2))).AsSingle();
        Vector128<float> cNew = VectorMath.MultiplyAdd(fo, c, ig * Vector128.Shuffle(ig, high));
        Vector128<float> hNew = Vector128.Shuffle(fo, high) * TTanh.Invoke(cNew);
        Vector128.Create(hNew.AsDouble().ToScalar(), cNew.AsDouble().ToScalar()).AsSingle().StoreUnsafe(ref h);
    }

    // Lanes 0-1 of gate a's row and lanes 0-1 of gate b's, side by side.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Pair(ref float weights, int row, int a, int b)
    {
        ref float start = ref Unsafe.Add(ref weights, row * RowLength);
        return Vector128.Create(Vector128.LoadUnsafe(ref start, (nuint)(a * 4)).AsDouble().ToScalar(), Vector128.LoadUnsafe(ref start, (nuint)(b * 4)).AsDouble().ToScalar()).AsSingle();
    }
}
