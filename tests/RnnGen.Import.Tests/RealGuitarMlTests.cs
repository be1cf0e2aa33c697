using System.Text.Json;
using Xunit;
using Xunit.Abstractions;

namespace RnnGen.Import.Tests;

/// <summary>
/// The real NeuralPi models (GuitarML, GPL-3.0, read from ../shared/models and never copied here) on audio-like input,
/// against an independent double-precision LSTM + Linear + skip written below straight from the JSON's nested lists,
/// not through any RnnGen import code.
/// </summary>
public sealed class RealGuitarMlTests(ITestOutputHelper output)
{
    private const int SampleRate = 44100;

    [RealModelFact("neuralpi_TS9.json")]
    public void The_TS9_model_imported_matches_a_double_precision_reference_on_guitar_like_input()
    {
        string path = TestFiles.RealModel("neuralpi_TS9.json");
        float[] audio = GuitarLikeSignal(4410);
        var input = new float[audio.Length * 2];
        for (int t = 0; t < audio.Length; t++)
        {
            (input[2 * t], input[(2 * t) + 1]) = (audio[t], 0.5f); // the gain knob, held at half
        }

        byte[] weights = ImportToSafetensors(path);
        var model = Ts9.FromSafetensors(weights, WeightLayout.PyTorch);
        var state = new Ts9.State();
        var actual = new float[Ts9.OutputLength(audio.Length)];
        model.Run(input, ref state, actual);

        Compare("neuralpi_TS9", actual, Reference(path, input, 2));
    }

    [RealModelFact("neuralpi_BluesJR_FullD.json")]
    public void The_BluesJR_model_imported_matches_a_double_precision_reference()
    {
        string path = TestFiles.RealModel("neuralpi_BluesJR_FullD.json");
        float[] input = GuitarLikeSignal(4410);
        var model = BluesJr.FromSafetensors(ImportToSafetensors(path), WeightLayout.PyTorch);
        var state = new BluesJr.State();
        var actual = new float[BluesJr.OutputLength(input.Length)];
        model.Run(input, ref state, actual);

        Compare("neuralpi_BluesJR_FullD", actual, Reference(path, input, 1));
    }

    private static byte[] ImportToSafetensors(string path)
    {
        ImportedModel imported = ModelImporter.ReadFile(path);
        imported.ThrowIfUnsupported();
        Assert.Equal(1, imported.Skip);
        return SafetensorsWriter.Write(TensorRenderer.Render(imported, WeightLayout.PyTorch));
    }

    private void Compare(string name, float[] actual, double[] expected)
    {
        double error = actual.Zip(expected, (a, e) => Math.Abs(a - e)).Max();
        output.WriteLine($"{name}: {actual.Length} samples, max |error| vs double reference = {error:E2}, output range [{expected.Min():F3}, {expected.Max():F3}]");
        Assert.True(error <= 1e-5, $"{name}: max error {error:E2}");
    }

    /// <summary>Three plucked notes (decaying sums of harmonics) at 44.1 kHz, peak about 0.6.</summary>
    private static float[] GuitarLikeSignal(int samples)
    {
        var signal = new float[samples];
        (double Frequency, double Start)[] notes = { (110.0, 0), (196.0, samples / 3), (329.63, 2 * samples / 3) };
        foreach ((double frequency, double start) in notes)
        {
            for (int t = (int)start; t < samples; t++)
            {
                double time = (t - start) / SampleRate;
                double envelope = Math.Exp(-time * 6);
                for (int harmonic = 1; harmonic <= 4; harmonic++)
                {
                    signal[t] += (float)(0.3 / harmonic * envelope * Math.Sin(2 * Math.PI * frequency * harmonic * time));
                }
            }
        }

        return signal;
    }

    /// <summary>lin(lstm(x)) + x[:, 0] in double, from the JSON's lists (PyTorch gate order i, f, g, o).</summary>
    private static double[] Reference(string path, float[] input, int inputSize)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement dict = json.RootElement.GetProperty("state_dict");
        double[][] wih = Matrix(dict.GetProperty("rec.weight_ih_l0")), whh = Matrix(dict.GetProperty("rec.weight_hh_l0"));
        double[] bias = Vector(dict.GetProperty("rec.bias_ih_l0")).Zip(Vector(dict.GetProperty("rec.bias_hh_l0")), (a, b) => a + b).ToArray();
        double[] linW = Matrix(dict.GetProperty("lin.weight"))[0];
        double linB = Vector(dict.GetProperty("lin.bias"))[0];
        int hidden = whh[0].Length;
        var h = new double[hidden];
        var c = new double[hidden];
        int steps = input.Length / inputSize;
        var result = new double[steps];
        for (int t = 0; t < steps; t++)
        {
            var z = new double[4 * hidden];
            for (int row = 0; row < z.Length; row++)
            {
                double sum = bias[row];
                for (int j = 0; j < inputSize; j++)
                {
                    sum += wih[row][j] * input[(t * inputSize) + j];
                }

                for (int j = 0; j < hidden; j++)
                {
                    sum += whh[row][j] * h[j];
                }

                z[row] = sum;
            }

            for (int k = 0; k < hidden; k++)
            {
                double i = Sigmoid(z[k]), f = Sigmoid(z[hidden + k]), g = Math.Tanh(z[(2 * hidden) + k]), o = Sigmoid(z[(3 * hidden) + k]);
                c[k] = (f * c[k]) + (i * g);
                h[k] = o * Math.Tanh(c[k]);
            }

            result[t] = linB + linW.Zip(h, (w, v) => w * v).Sum() + input[t * inputSize];
        }

        return result;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double[][] Matrix(JsonElement rows) => rows.EnumerateArray().Select(Vector).ToArray();

    private static double[] Vector(JsonElement values) => values.EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
