using System.ComponentModel;
using System.Reflection;
using Xunit;

namespace RnnGen.Tests;

/// <summary>
/// What a user of the RnnGen package sees: the attributes, the option enums, the layer shapes, vector paths and their
/// calibration, and BatchWorkers. Every other public type of RnnGen.Runtime exists for generated code and is hidden
/// from IntelliSense with [EditorBrowsable(Never)] (docs/reference.md, "Types for generated code"). A new public type
/// must be added here on purpose, or hidden. The exact members are PublicAPI.*.txt's job (RS0016/RS0017 at build).
/// </summary>
public sealed class PublicSurfaceTests
{
    private static readonly string[] s_userFacing =
    {
        "RnnGen.Activation", "RnnGen.ActivationLayerAttribute", "RnnGen.DenseAttribute", "RnnGen.Direction", "RnnGen.GruAttribute",
        "RnnGen.LayerKind", "RnnGen.LayerShape", "RnnGen.LstmAttribute", "RnnGen.MergeMode", "RnnGen.RecurrentLayerAttribute",
        "RnnGen.RnnModelAttribute", "RnnGen.SimpleRnnAttribute", "RnnGen.WeightLayout",
        "RnnGen.Kernels.PathCalibration", "RnnGen.Kernels.PathSelection", "RnnGen.Kernels.VectorPath", "RnnGen.Kernels.VectorPaths",
        "RnnGen.Threading.BatchWorkers",
    };

    [Fact]
    public void Only_the_user_facing_types_are_browsable()
    {
        Type[] exported = typeof(RnnModelAttribute).Assembly.GetExportedTypes().Where(t => !t.IsNested).ToArray();
        string[] browsable = exported
            .Where(t => t.GetCustomAttribute<EditorBrowsableAttribute>()?.State != EditorBrowsableState.Never)
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(exported.Length > 40, "the runtime's exported types were not found");
        Assert.Equal(s_userFacing.Order(StringComparer.Ordinal), browsable);
    }
}
