using System.Runtime;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace RnnGen.Kernels;

/// <summary>Which register width a layer's kernels use. Chosen once per layer, when the model is created.</summary>
public enum VectorPath
{
    /// <summary>One float at a time: no SIMD (e.g. DOTNET_EnableHWIntrinsic=0).</summary>
    Scalar = 0,

    /// <summary>4 floats: SSE on x64, NEON (AdvSimd) on ARM64.</summary>
    Vector128 = 1,

    /// <summary>8 floats: AVX2 + FMA.</summary>
    Vector256 = 2,

    /// <summary>16 floats: AVX-512.</summary>
    Vector512 = 3,
}

/// <summary>The vector path this process runs best, and how to name it.</summary>
public static class VectorPaths
{
    /// <summary>The widest path the hardware (and the runtime's settings) accelerates.</summary>
    public static VectorPath Best { get; } =
        Vector512.IsHardwareAccelerated ? VectorPath.Vector512
        : Vector256.IsHardwareAccelerated ? VectorPath.Vector256
        : Vector128.IsHardwareAccelerated ? VectorPath.Vector128
        : VectorPath.Scalar;

    /// <summary><paramref name="path"/> for each of <paramref name="layers"/> layers: what a model given one path runs.</summary>
    public static VectorPath[] ForEveryLayer(VectorPath path, int layers)
    {
        var paths = new VectorPath[layers];
        System.Array.Fill(paths, path);
        return paths;
    }

    /// <summary>Floats per register on <paramref name="path"/>.</summary>
    public static int Lanes(VectorPath path) => path switch
    {
        VectorPath.Vector512 => 16,
        VectorPath.Vector256 => 8,
        VectorPath.Vector128 => 4,
        _ => 1,
    };

    /// <summary>
    /// The path with its instruction set, the process architecture and how the code was compiled, e.g.
    /// <c>AdvSimd 128-bit (Vector128), Arm64, NativeAOT</c>: what a sample prints so a deployment shows what it runs.
    /// </summary>
    public static string DescribeProcess(VectorPath path) =>
        $"{Describe(path)} ({path}), {RuntimeInformation.ProcessArchitecture}, {(JitInfo.GetCompiledMethodCount() > 0 ? "JIT" : "NativeAOT")}";

    /// <summary>A human name with the instruction set, e.g. <c>AVX2+FMA 256-bit</c> or <c>AdvSimd 128-bit</c>.</summary>
    public static string Describe(VectorPath path) => path switch
    {
        VectorPath.Vector512 => Avx512F.IsSupported ? "AVX-512 512-bit" : "512-bit (emulated)",
        VectorPath.Vector256 => Fma.IsSupported ? "AVX2+FMA 256-bit" : Avx2.IsSupported ? "AVX2 256-bit" : "256-bit (emulated)",
        VectorPath.Vector128 => AdvSimd.IsSupported ? "AdvSimd 128-bit" : Sse2.IsSupported ? (Fma.IsSupported ? "SSE+FMA 128-bit" : "SSE 128-bit") : "128-bit",
        _ => "scalar",
    };
}
