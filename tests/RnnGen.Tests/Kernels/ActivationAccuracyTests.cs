using System.Runtime.Intrinsics;
using RnnGen.Activations;
using Xunit;
using Xunit.Abstractions;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// Every activation at every width against a double-precision reference, over every 64th float in
/// [-20, 20] (about 34 million values) plus ±∞ and NaN. The bounds are the measured errors, rounded up.
/// </summary>
public sealed class ActivationAccuracyTests(ITestOutputHelper output)
{
    private const int Stride = 64;

    [Fact]
    public void Sigmoid_is_within_2_5e7() => Check<SigmoidActivation>("sigmoid", x => 1 / (1 + Math.Exp(-x)), 2.5e-7);

    [Fact]
    public void Tanh_is_within_4_5e7() => Check<TanhActivation>("tanh", Math.Tanh, 4.5e-7);

    [Fact]
    public void HardSigmoid_is_the_Keras2_formula() => Check<HardSigmoidActivation>("hard_sigmoid", x => Math.Clamp((0.2 * x) + 0.5, 0, 1), 6e-8);

    [Fact]
    public void HardSigmoidKeras3_is_the_Keras3_formula() => Check<HardSigmoidKeras3Activation>("hard_sigmoid (Keras 3)", x => Math.Clamp((x / 6) + 0.5, 0, 1), 6e-8);

    [Fact]
    public void Relu_is_exact() => Check<ReluActivation>("relu", x => Math.Max(x, 0), 0);

    [Fact]
    public void Elu_is_within_2_5e7() => Check<EluActivation<AlphaOne>>("elu", x => x > 0 ? x : Math.Exp(x) - 1, 2.5e-7);

    [Fact]
    public void Elu_scales_by_its_alpha() => Check<EluActivation<AlphaHalf>>("elu (α 0.5)", x => x > 0 ? x : 0.5 * (Math.Exp(x) - 1), 2.5e-7);

    [Fact]
    public void LeakyRelu_is_one_rounded_multiply() => Check<LeakyReluActivation<AlphaPyTorch>>("leaky relu (α 0.01)", x => x >= 0 ? x : (double)(float)(0.01f * (float)x), 0);

    [Fact]
    public void Softmax_matches_double_precision()
    {
        var random = new Random(7);
        double worst = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            int length = random.Next(1, 40);
            float[] values = Enumerable.Range(0, length).Select(_ => (float)((random.NextDouble() * 60) - 30)).ToArray();
            double max = values.Max();
            double sum = values.Sum(v => Math.Exp(v - max));
            double[] expected = values.Select(v => Math.Exp(v - max) / sum).ToArray();
            SoftmaxActivation.Apply(values);
            worst = Math.Max(worst, expected.Zip(values, (e, a) => Math.Abs(e - a)).Max());
        }

        output.WriteLine($"softmax: max |error| {worst:E2}");
        Assert.True(worst <= 3e-7, $"softmax max |error| {worst:E3}");
    }

    private void Check<T>(string name, Func<double, double> reference, double bound)
        where T : struct, IElementwiseActivation
    {
        float[] inputs = SweepInputs();
        double[] expected = inputs.Select(x => reference(x)).ToArray();
        var results = new Dictionary<string, float[]>
        {
            ["scalar"] = inputs.Select(T.Invoke).ToArray(),
            ["Vector128"] = Vectorised(inputs, 4, (values, i) => T.Invoke(Vector128.Create(values.AsSpan(i, 4))).CopyTo(values, i)),
            ["Vector256"] = Vectorised(inputs, 8, (values, i) => T.Invoke(Vector256.Create(values.AsSpan(i, 8))).CopyTo(values, i)),
            ["Vector512"] = Vectorised(inputs, 16, (values, i) => T.Invoke(Vector512.Create(values.AsSpan(i, 16))).CopyTo(values, i)),
        };

        foreach ((string width, float[] actual) in results)
        {
            double worst = 0;
            float worstAt = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                double error = Math.Abs(expected[i] - actual[i]);
                if (error > worst)
                {
                    worst = error;
                    worstAt = inputs[i];
                }
            }

            output.WriteLine($"{name} {width}: max |error| {worst:E2} at x = {worstAt:R} over {inputs.Length:N0} values");
            Assert.True(worst <= bound, $"{name} {width}: max |error| {worst:E3} at x = {worstAt:R}, bound {bound:E1}");
            foreach (float infinity in new[] { float.PositiveInfinity, float.NegativeInfinity })
            {
                double limit = reference(infinity);
                float value = Evaluate(actual, inputs, infinity);
                Assert.True(limit == value || Math.Abs(limit - value) <= bound, $"{name} {width}({infinity}) = {value}, expected {limit}");
            }

            Assert.True(float.IsNaN(Evaluate(actual, inputs, float.NaN)), $"{name} {width}: NaN must stay NaN");
        }
    }

    private readonly struct AlphaOne : IActivationAlpha
    {
        public static float Value => 1f;
    }

    private readonly struct AlphaHalf : IActivationAlpha
    {
        public static float Value => 0.5f;
    }

    private readonly struct AlphaPyTorch : IActivationAlpha
    {
        public static float Value => 0.01f;
    }

    private static float Evaluate(float[] results, float[] inputs, float x) => results[Array.FindIndex(inputs, v => v.Equals(x))];

    /// <summary>Every 64th float in [-20, 20], then +∞, −∞, NaN, padded to a multiple of 16.</summary>
    private static float[] SweepInputs()
    {
        int top = BitConverter.SingleToInt32Bits(20f);
        var inputs = new List<float>((top / Stride * 2) + 32);
        for (int bits = 0; bits <= top; bits += Stride)
        {
            float x = BitConverter.Int32BitsToSingle(bits);
            inputs.Add(x);
            inputs.Add(-x);
        }

        inputs.Add(float.PositiveInfinity);
        inputs.Add(float.NegativeInfinity);
        inputs.Add(float.NaN);
        while (inputs.Count % 16 != 0)
        {
            inputs.Add(0f);
        }

        return inputs.ToArray();
    }

    private static float[] Vectorised(float[] inputs, int width, Action<float[], int> invoke)
    {
        float[] values = (float[])inputs.Clone();
        for (int i = 0; i < values.Length; i += width)
        {
            invoke(values, i);
        }

        return values;
    }
}
