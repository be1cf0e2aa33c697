using System;
using RnnGen;
using RnnGen.Benchmarks;

// usage: StepCount MODEL STEPS   (MODEL: lstm_5x2 … gru_128x256, as the RTNeural harness names them)
// Steps the model STEPS times from the zero state over the benchmarks' 1024 input vectors, then prints "done".
// Two runs with different STEPS, counted under qemu, give the instructions of one step (benchmarks/arm64/count.sh).
if (args.Length != 2 || !long.TryParse(args[1], out long steps) || steps < 0)
{
    Console.Error.WriteLine("usage: StepCount MODEL STEPS");
    return 2;
}

return args[0] switch
{
    "lstm_5x2" => Stepper<Lstm5x2, Lstm5x2.State>.Run(steps),
    "lstm_1x16" => Stepper<Lstm1x16, Lstm1x16.State>.Run(steps),
    "lstm_1x40" => Stepper<Lstm1x40, Lstm1x40.State>.Run(steps),
    "lstm_8x32" => Stepper<Lstm8x32, Lstm8x32.State>.Run(steps),
    "lstm_64x128" => Stepper<Lstm64x128, Lstm64x128.State>.Run(steps),
    "lstm_128x256" => Stepper<Lstm128x256, Lstm128x256.State>.Run(steps),
    "gru_5x2" => Stepper<Gru5x2, Gru5x2.State>.Run(steps),
    "gru_1x16" => Stepper<Gru1x16, Gru1x16.State>.Run(steps),
    "gru_1x40" => Stepper<Gru1x40, Gru1x40.State>.Run(steps),
    "gru_8x32" => Stepper<Gru8x32, Gru8x32.State>.Run(steps),
    "gru_64x128" => Stepper<Gru64x128, Gru64x128.State>.Run(steps),
    "gru_128x256" => Stepper<Gru128x256, Gru128x256.State>.Run(steps),
    _ => Unknown(args[0]),
};

static int Unknown(string model)
{
    Console.Error.WriteLine($"unknown model '{model}'");
    return 2;
}

internal static class Stepper<TModel, TState>
    where TModel : struct, IBenchModel<TModel, TState>
    where TState : struct
{
    public static int Run(long steps)
    {
        const int InputSteps = 1024;
        LayerShape layer = TModel.LayerShapes[0];
        TModel model = BenchModels.Create<TModel, TState>();
        float[] inputs = BenchWeights.Inputs(layer, InputSteps * layer.InputSize);
        var output = new float[layer.Units];
        var state = default(TState);
        float sum = 0;
        int t = 0;
        for (long i = 0; i < steps; i++)
        {
            model.Step(inputs.AsSpan(t * layer.InputSize, layer.InputSize), ref state, output);
            sum += output[0];
            t = t == InputSteps - 1 ? 0 : t + 1;
        }

        Console.WriteLine(sum == 12345.678f ? "done." : "done");
        return 0;
    }
}
