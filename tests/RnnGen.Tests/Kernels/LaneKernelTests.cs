using RnnGen.Activations;
using RnnGen.Kernels;
using RnnGen.Kernels.Lanes;
using RnnGen.Tests.Shared.References;
using RnnGen.Weights;
using Xunit;
using V1 = float;
using V128 = System.Runtime.Intrinsics.Vector128<float>;
using V256 = System.Runtime.Intrinsics.Vector256<float>;
using V512 = System.Runtime.Intrinsics.Vector512<float>;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// Each lane kernel against the scalar reference cell on canonical weights, at every width, for sizes that hit
/// every block shape: one unit, partial last blocks, odd block counts (pair + single), quads (SimpleRNN).
/// </summary>
public sealed class LaneKernelTests
{
    private const float Tolerance = 2e-6f;

    public static TheoryData<string> Sizes => new(nameof(S1x1), nameof(S3x5), nameof(S7x13), nameof(S2x17), nameof(S5x33), nameof(S11x40));

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Lstm_matches_the_reference_cell(string sizes) => ForSizes(sizes, new LstmCheck());

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Gru_matches_the_reference_cell(string sizes) => ForSizes(sizes, new GruCheck());

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Reset_before_gru_matches_the_reference_cell(string sizes) => ForSizes(sizes, new ResetBeforeGruCheck());

    [Theory]
    [MemberData(nameof(Sizes))]
    public void SimpleRnn_matches_the_reference_cell(string sizes) => ForSizes(sizes, new SimpleRnnCheck());

    private static void ForSizes(string sizes, ICheck check)
    {
        switch (sizes)
        {
            case nameof(S1x1): check.Run<S1x1>(); break;
            case nameof(S3x5): check.Run<S3x5>(); break;
            case nameof(S7x13): check.Run<S7x13>(); break;
            case nameof(S2x17): check.Run<S2x17>(); break;
            case nameof(S5x33): check.Run<S5x33>(); break;
            default: check.Run<S11x40>(); break;
        }
    }

    /// <summary>Runs 12 steps of the reference and of the kernel on every width and compares states after each.</summary>
    private static void Compare<TReference>(LayerShape shape, float[] canonical, TReference reference, Func<VectorPath, WeightSlot, IRecurrentCell> laneCell)
        where TReference : struct, IRecurrentCell
    {
        foreach (VectorPath path in Enum.GetValues<VectorPath>())
        {
            IRecurrentCell cell = laneCell(path, LanePacking.PackIntoSlot(shape, canonical, VectorPaths.Lanes(path)));
            float[] expectedState = TestWeights.Random(reference.StateLength, 5);
            float[] actualState = (float[])expectedState.Clone();
            float[] referenceScratch = new float[reference.ScratchLength];
            float[] scratch = new float[KernelScratch.Length(shape)];
            for (int step = 0; step < 12; step++)
            {
                float[] input = TestWeights.Random(shape.InputSize, 100 + step).Select(v => v * 4).ToArray();
                reference.Step(input, expectedState, referenceScratch);
                cell.Step(input, actualState, scratch);
                for (int i = 0; i < expectedState.Length; i++)
                {
                    Assert.True(Math.Abs(expectedState[i] - actualState[i]) <= Tolerance, $"{shape.Describe()} on {path}, step {step}, state[{i}]: expected {expectedState[i]}, got {actualState[i]}");
                }
            }
        }
    }

    private interface ICheck
    {
        void Run<TSizes>()
            where TSizes : struct, ILayerSizes;
    }

    private sealed class LstmCheck : ICheck
    {
        public void Run<TSizes>()
            where TSizes : struct, ILayerSizes
        {
            var shape = new LayerShape(LayerKind.Lstm, TSizes.InputSize, TSizes.Units, 1, true, true);
            float[] canonical = TestWeights.Random((int)CanonicalLayout.DirectionLength(shape), shape.Units * 31 + shape.InputSize);
            Compare(shape, canonical, new LstmReference<SigmoidActivation, TanhActivation>(canonical, 0, shape.InputSize, shape.Units), (path, packed) => path switch
            {
                VectorPath.Vector512 => new LstmLaneCell<Lanes512, V512, TSizes, SigmoidActivation, TanhActivation>(packed),
                VectorPath.Vector256 => new LstmLaneCell<Lanes256, V256, TSizes, SigmoidActivation, TanhActivation>(packed),
                VectorPath.Vector128 => new LstmLaneCell<Lanes128, V128, TSizes, SigmoidActivation, TanhActivation>(packed),
                _ => new LstmLaneCell<Lanes1, V1, TSizes, SigmoidActivation, TanhActivation>(packed),
            });
        }
    }

    private sealed class GruCheck : ICheck
    {
        public void Run<TSizes>()
            where TSizes : struct, ILayerSizes
        {
            var shape = new LayerShape(LayerKind.Gru, TSizes.InputSize, TSizes.Units, 1, true, true);
            float[] canonical = TestWeights.Random((int)CanonicalLayout.DirectionLength(shape), shape.Units * 31 + shape.InputSize);
            Compare(shape, canonical, new GruReference<SigmoidActivation, TanhActivation>(canonical, 0, shape.InputSize, shape.Units, resetAfter: true), (path, packed) => path switch
            {
                VectorPath.Vector512 => new GruLaneCell<Lanes512, V512, TSizes, SigmoidActivation, TanhActivation>(packed),
                VectorPath.Vector256 => new GruLaneCell<Lanes256, V256, TSizes, SigmoidActivation, TanhActivation>(packed),
                VectorPath.Vector128 => new GruLaneCell<Lanes128, V128, TSizes, SigmoidActivation, TanhActivation>(packed),
                _ => new GruLaneCell<Lanes1, V1, TSizes, SigmoidActivation, TanhActivation>(packed),
            });
        }
    }

    // Random floats also fill the canonical recurrent candidate bias, which the original form has no use for: the
    // kernel must ignore it as the reference does.
    private sealed class ResetBeforeGruCheck : ICheck
    {
        public void Run<TSizes>()
            where TSizes : struct, ILayerSizes
        {
            var shape = new LayerShape(LayerKind.Gru, TSizes.InputSize, TSizes.Units, 1, true, false);
            float[] canonical = TestWeights.Random((int)CanonicalLayout.DirectionLength(shape), shape.Units * 37 + shape.InputSize);
            Compare(shape, canonical, new GruReference<SigmoidActivation, TanhActivation>(canonical, 0, shape.InputSize, shape.Units, resetAfter: false), (path, packed) => path switch
            {
                VectorPath.Vector512 => new GruResetBeforeLaneCell<Lanes512, V512, TSizes, SigmoidActivation, TanhActivation>(packed),
                VectorPath.Vector256 => new GruResetBeforeLaneCell<Lanes256, V256, TSizes, SigmoidActivation, TanhActivation>(packed),
                VectorPath.Vector128 => new GruResetBeforeLaneCell<Lanes128, V128, TSizes, SigmoidActivation, TanhActivation>(packed),
                _ => new GruResetBeforeLaneCell<Lanes1, V1, TSizes, SigmoidActivation, TanhActivation>(packed),
            });
        }
    }

    private sealed class SimpleRnnCheck : ICheck
    {
        public void Run<TSizes>()
            where TSizes : struct, ILayerSizes
        {
            var shape = new LayerShape(LayerKind.SimpleRnn, TSizes.InputSize, TSizes.Units, 1, true, true);
            float[] canonical = TestWeights.Random((int)CanonicalLayout.DirectionLength(shape), shape.Units * 31 + shape.InputSize);
            Compare(shape, canonical, new SimpleRnnReference<TanhActivation>(canonical, 0, shape.InputSize, shape.Units), (path, packed) => path switch
            {
                VectorPath.Vector512 => new SimpleRnnLaneCell<Lanes512, V512, TSizes, TanhActivation>(packed),
                VectorPath.Vector256 => new SimpleRnnLaneCell<Lanes256, V256, TSizes, TanhActivation>(packed),
                VectorPath.Vector128 => new SimpleRnnLaneCell<Lanes128, V128, TSizes, TanhActivation>(packed),
                _ => new SimpleRnnLaneCell<Lanes1, V1, TSizes, TanhActivation>(packed),
            });
        }
    }

    private readonly struct S1x1 : ILayerSizes
    {
        public static int InputSize => 1;

        public static int Units => 1;
    }

    private readonly struct S3x5 : ILayerSizes
    {
        public static int InputSize => 3;

        public static int Units => 5;
    }

    private readonly struct S7x13 : ILayerSizes
    {
        public static int InputSize => 7;

        public static int Units => 13;
    }

    private readonly struct S2x17 : ILayerSizes
    {
        public static int InputSize => 2;

        public static int Units => 17;
    }

    private readonly struct S5x33 : ILayerSizes
    {
        public static int InputSize => 5;

        public static int Units => 33;
    }

    private readonly struct S11x40 : ILayerSizes
    {
        public static int InputSize => 11;

        public static int Units => 40;
    }
}
