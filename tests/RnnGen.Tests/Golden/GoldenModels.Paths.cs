using RnnGen.Kernels;

namespace RnnGen.Tests.Golden;

internal static partial class GoldenModels
{
    /// <summary>Layer i on the (i + 1)-th path of Vector128, Vector256, Vector512, Scalar: no two neighbours alike.</summary>
    public static VectorPath[] MixedPaths(int layers)
    {
        VectorPath[] order = { VectorPath.Vector128, VectorPath.Vector256, VectorPath.Vector512, VectorPath.Scalar };
        var paths = new VectorPath[layers];
        for (int i = 0; i < layers; i++)
        {
            paths[i] = order[(i + 1) % order.Length];
        }

        return paths;
    }
}
