using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using RnnGen.Kernels;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Benchmarks;

/// <summary>
/// This core's peak FMA throughput, the roof for the GFLOP/s of the recurrent benchmarks. One operation is one FMA
/// on the widest register this process accelerates (<see cref="FmaPeak.Width"/>): GFLOP/s = FLOP per FMA / Mean[ns].
/// </summary>
[MemoryDiagnoser]
public class RooflineBenchmarks
{
    /// <summary>FLOP per operation (one FMA of <see cref="FmaPeak.Width"/>), read by <see cref="GflopsColumn"/>.</summary>
    public static long FlopsPerOperation => FmaPeak.FlopsPerFma;

    [Benchmark(OperationsPerInvoke = FmaPeak.Iterations * FmaPeak.Accumulators)]
    public float Roofline_FmaPeak() => FmaPeak.Run(FmaPeak.Iterations);
}

/// <summary>
/// 12 independent FMA chains on the widest accelerated register, as /work/shared/perf/fma_peak.c but not limited to
/// 256 bits: some AVX-512 cores (AMD Zen 5, this machine) execute two full 512-bit FMAs per cycle, twice the 256-bit
/// peak, and the kernels run 512-bit there. The accumulators are created right before the loop, with no call between,
/// so the JIT keeps all 12 (plus the two operands) in registers: a call inside their live range would spill them,
/// since no vector register survives a call. Checked with DOTNET_JitDisasm=Loop (README).
/// </summary>
public static class FmaPeak
{
    public const int Iterations = 1_000_000;

    public const int Accumulators = 12;

    /// <summary>The register width measured: <see cref="VectorPaths.Best"/>.</summary>
    public static VectorPath Width => VectorPaths.Best;

    /// <summary>A multiply-add counts 2 FLOP per lane.</summary>
    public static long FlopsPerFma => 2L * VectorPaths.Lanes(Width);

    public static float Run(int iterations) => Width switch
    {
        VectorPath.Vector512 => Loop<Lanes512, Vector512<float>>(iterations),
        VectorPath.Vector256 => Loop<Lanes256, Vector256<float>>(iterations),
        VectorPath.Vector128 => Loop<Lanes128, Vector128<float>>(iterations),
        _ => Loop<Lanes1, float>(iterations),
    };

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Loop<TLanes, TVector>(int iterations)
        where TLanes : struct, ILanes<TVector>
        where TVector : struct
    {
        TVector m = TLanes.Broadcast(0.9999999f);
        TVector add = TLanes.Broadcast(1e-7f);
        TVector a0 = TLanes.Broadcast(1f), a1 = TLanes.Broadcast(1.01f), a2 = TLanes.Broadcast(1.02f), a3 = TLanes.Broadcast(1.03f);
        TVector a4 = TLanes.Broadcast(1.04f), a5 = TLanes.Broadcast(1.05f), a6 = TLanes.Broadcast(1.06f), a7 = TLanes.Broadcast(1.07f);
        TVector a8 = TLanes.Broadcast(1.08f), a9 = TLanes.Broadcast(1.09f), a10 = TLanes.Broadcast(1.1f), a11 = TLanes.Broadcast(1.11f);
        for (int i = 0; i < iterations; i++)
        {
            a0 = TLanes.MultiplyAdd(a0, m, add);
            a1 = TLanes.MultiplyAdd(a1, m, add);
            a2 = TLanes.MultiplyAdd(a2, m, add);
            a3 = TLanes.MultiplyAdd(a3, m, add);
            a4 = TLanes.MultiplyAdd(a4, m, add);
            a5 = TLanes.MultiplyAdd(a5, m, add);
            a6 = TLanes.MultiplyAdd(a6, m, add);
            a7 = TLanes.MultiplyAdd(a7, m, add);
            a8 = TLanes.MultiplyAdd(a8, m, add);
            a9 = TLanes.MultiplyAdd(a9, m, add);
            a10 = TLanes.MultiplyAdd(a10, m, add);
            a11 = TLanes.MultiplyAdd(a11, m, add);
        }

        // Keep every chain alive (the JIT would drop unused ones); lane 0 is enough for that.
        TVector sum = TLanes.Add(TLanes.Add(TLanes.Add(a0, a1), TLanes.Add(a2, a3)), TLanes.Add(TLanes.Add(a4, a5), TLanes.Add(a6, a7)));
        sum = TLanes.Add(sum, TLanes.Add(TLanes.Add(a8, a9), TLanes.Add(a10, a11)));
        Span<float> lanes = stackalloc float[TLanes.Count];
        TLanes.Store(sum, ref lanes[0], 0);
        return lanes[0];
    }
}
