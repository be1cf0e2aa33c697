using System;
using System.IO;
using Microsoft.ML.OnnxRuntime;

namespace RnnGen.Benchmarks;

/// <summary>
/// One of benchmarks/models/*.onnx (a single LSTM/GRU/RNN node) in ONNX Runtime on one thread, with every input and
/// output bound once to an OrtValue over a pinned managed array, for a fixed sequence length. <see cref="Run"/> runs the
/// node and feeds Y_h (and Y_c) back as the next call's initial_h (initial_c), as a streaming caller must.
/// </summary>
public sealed class OnnxRecurrentSession : IDisposable
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly OrtIoBinding _binding;
    private readonly OrtValue[] _values;

    public OnnxRecurrentSession(string modelPath, LayerShape layer, int timeSteps)
    {
        int units = layer.Units;
        bool hasCell = layer.Kind == LayerKind.Lstm;
        X = new float[timeSteps * layer.InputSize];
        InitialH = new float[units];
        InitialC = new float[hasCell ? units : 0];
        Y = new float[timeSteps * units];
        Yh = new float[units];
        Yc = new float[hasCell ? units : 0];

        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        _session = new InferenceSession(modelPath, _options);
        _runOptions = new RunOptions();
        _binding = _session.CreateIoBinding();

        long[] state = [1, 1, units];
        OrtValue x = OrtValue.CreateTensorValueFromMemory(X, [timeSteps, 1, layer.InputSize]);
        OrtValue h0 = OrtValue.CreateTensorValueFromMemory(InitialH, state);
        OrtValue y = OrtValue.CreateTensorValueFromMemory(Y, [timeSteps, 1, 1, units]);
        OrtValue yh = OrtValue.CreateTensorValueFromMemory(Yh, state);
        _binding.BindInput("X", x);
        _binding.BindInput("initial_h", h0);
        _binding.BindOutput("Y", y);
        _binding.BindOutput("Y_h", yh);
        if (hasCell)
        {
            OrtValue c0 = OrtValue.CreateTensorValueFromMemory(InitialC, state);
            OrtValue yc = OrtValue.CreateTensorValueFromMemory(Yc, state);
            _binding.BindInput("initial_c", c0);
            _binding.BindOutput("Y_c", yc);
            _values = [x, h0, y, yh, c0, yc];
        }
        else
        {
            _values = [x, h0, y, yh];
        }
    }

    /// <summary>Inputs, [T, 1, I]; write before <see cref="Run"/>.</summary>
    public float[] X { get; }

    public float[] InitialH { get; }

    public float[] InitialC { get; }

    /// <summary>Every step's h, [T, 1, 1, H].</summary>
    public float[] Y { get; }

    public float[] Yh { get; }

    public float[] Yc { get; }

    /// <summary>benchmarks/models/{rnn|lstm|gru}_{I}x{H}.onnx, next to the program or found from the working folder up.</summary>
    public static string ModelPath(LayerShape layer)
    {
        string prefix = layer.Kind switch
        {
            LayerKind.Lstm => "lstm",
            LayerKind.Gru => "gru",
            _ => "rnn",
        };
        string file = $"{prefix}_{layer.InputSize}x{layer.Units}.onnx";
        string beside = Path.Combine(AppContext.BaseDirectory, "models", file);
        if (File.Exists(beside))
        {
            return beside;
        }

        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? folder = new(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, "benchmarks", "models", file);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"{file} not found beside the program or under benchmarks/models; run /usr/bin/python3 benchmarks/models/make_onnx.py.", file);
    }

    /// <summary>Runs the node once over all bound time steps, then copies the final state into the initial state.</summary>
    public void Run()
    {
        _session.RunWithBinding(_runOptions, _binding);
        Yh.AsSpan().CopyTo(InitialH);
        Yc.AsSpan().CopyTo(InitialC);
    }

    /// <summary>Zero initial state.</summary>
    public void Reset()
    {
        Array.Clear(InitialH);
        Array.Clear(InitialC);
    }

    public void Dispose()
    {
        _binding.Dispose();
        foreach (OrtValue value in _values)
        {
            value.Dispose();
        }

        _runOptions.Dispose();
        _session.Dispose();
        _options.Dispose();
    }
}
