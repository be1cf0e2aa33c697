using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace RnnGen.Benchmarks;

/// <summary>
/// This core's peak FMA throughput, the roof for the GFLOP/s of the recurrent benchmarks. One operation is one
/// 256-bit FMA (8 multiply-adds = 16 FLOP): GFLOP/s = 16 / Mean[ns], shown in the GFLOP/s column.
/// </summary>
[MemoryDiagnoser]
public class RooflineBenchmarks
{
    /// <summary>FLOP per operation (one Vector256 FMA), read by <see cref="GflopsColumn"/>.</summary>
    public static long FlopsPerOperation => 16;

    [Benchmark(OperationsPerInvoke = FmaPeak.Iterations * FmaPeak.Accumulators)]
    public float Roofline_FmaPeak() => FmaPeak.Run(FmaPeak.Iterations);
}

/// <summary>
/// 12 independent Vector256 FMA chains, as /work/shared/perf/fma_peak.c. The accumulators are created right before the
/// loop, with no call between, so the JIT keeps all 12 (plus the two operands) in ymm registers: a call inside their
/// live range would spill them, since no ymm register survives a call. Checked with DOTNET_JitDisasm=Run (README).
/// </summary>
public static class FmaPeak
{
    public const int Iterations = 1_000_000;

    public const int Accumulators = 12;

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float Run(int iterations)
    {
        Vector256<float> m = Vector256.Create(0.9999999f);
        Vector256<float> add = Vector256.Create(1e-7f);
        Vector256<float> a0 = Vector256.Create(1f), a1 = Vector256.Create(1.01f), a2 = Vector256.Create(1.02f), a3 = Vector256.Create(1.03f);
        Vector256<float> a4 = Vector256.Create(1.04f), a5 = Vector256.Create(1.05f), a6 = Vector256.Create(1.06f), a7 = Vector256.Create(1.07f);
        Vector256<float> a8 = Vector256.Create(1.08f), a9 = Vector256.Create(1.09f), a10 = Vector256.Create(1.1f), a11 = Vector256.Create(1.11f);
        for (int i = 0; i < iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, m, add);
            a1 = Vector256.FusedMultiplyAdd(a1, m, add);
            a2 = Vector256.FusedMultiplyAdd(a2, m, add);
            a3 = Vector256.FusedMultiplyAdd(a3, m, add);
            a4 = Vector256.FusedMultiplyAdd(a4, m, add);
            a5 = Vector256.FusedMultiplyAdd(a5, m, add);
            a6 = Vector256.FusedMultiplyAdd(a6, m, add);
            a7 = Vector256.FusedMultiplyAdd(a7, m, add);
            a8 = Vector256.FusedMultiplyAdd(a8, m, add);
            a9 = Vector256.FusedMultiplyAdd(a9, m, add);
            a10 = Vector256.FusedMultiplyAdd(a10, m, add);
            a11 = Vector256.FusedMultiplyAdd(a11, m, add);
        }

        Vector256<float> sum = ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)) + ((a8 + a9) + (a10 + a11));
        return Vector256.Sum(sum);
    }
}
