using System;
using System.Numerics.Tensors;

namespace RnnGen.Benchmarks;

/// <summary>
/// A plain cell written with System.Numerics.Tensors.TensorPrimitives, the baseline a C# developer would write
/// without RnnGen: PyTorch's row-major weights with each row of weight_ih and weight_hh joined into one row over
/// [x | h], one TensorPrimitives.Dot per row, TensorPrimitives' Sigmoid/Tanh on each gate block. No allocation per step.
/// </summary>
public interface IBaselineCell<TSelf>
    where TSelf : IBaselineCell<TSelf>
{
    /// <summary>A cell from a one-layer model's parameters in PyTorch order.</summary>
    static abstract TSelf Create(int inputSize, int units, ReadOnlySpan<float> pyTorchParameters);

    /// <summary>h after the last step.</summary>
    ReadOnlySpan<float> Hidden { get; }

    /// <summary>One time step.</summary>
    void Step(ReadOnlySpan<float> input);

    /// <summary>Zero state.</summary>
    void Reset();
}

/// <summary>Joins PyTorch's per-gate matrices into rows over [x | h] and sums the bias pair where a kind allows it.</summary>
internal static class PyTorchRows
{
    /// <summary>Rows [weight_ih row | weight_hh row], G·H rows of I + H floats.</summary>
    public static float[] Join(int inputSize, int units, int gates, ReadOnlySpan<float> parameters)
    {
        int rows = gates * units;
        int width = inputSize + units;
        ReadOnlySpan<float> wih = parameters.Slice(0, rows * inputSize);
        ReadOnlySpan<float> whh = parameters.Slice(rows * inputSize, rows * units);
        var joined = new float[rows * width];
        for (int r = 0; r < rows; r++)
        {
            wih.Slice(r * inputSize, inputSize).CopyTo(joined.AsSpan(r * width));
            whh.Slice(r * units, units).CopyTo(joined.AsSpan((r * width) + inputSize));
        }

        return joined;
    }

    public static ReadOnlySpan<float> InputBias(int inputSize, int units, int gates, ReadOnlySpan<float> parameters) =>
        parameters.Slice(gates * units * (inputSize + units), gates * units);

    public static ReadOnlySpan<float> RecurrentBias(int inputSize, int units, int gates, ReadOnlySpan<float> parameters) =>
        parameters.Slice(gates * units * (inputSize + units + 1), gates * units);
}

/// <summary>LSTM, PyTorch gates i, f, g, o: c = f·c + i·g; h = o·tanh(c).</summary>
public readonly struct TensorPrimitivesLstm : IBaselineCell<TensorPrimitivesLstm>
{
    private readonly int _inputSize;
    private readonly int _units;
    private readonly float[] _rows;   // [4H, I + H]
    private readonly float[] _bias;   // bias_ih + bias_hh
    private readonly float[] _xh;     // [x | h]
    private readonly float[] _c;
    private readonly float[] _gates;
    private readonly float[] _scratch;

    private TensorPrimitivesLstm(int inputSize, int units, ReadOnlySpan<float> parameters)
    {
        _inputSize = inputSize;
        _units = units;
        _rows = PyTorchRows.Join(inputSize, units, 4, parameters);
        _bias = new float[4 * units];
        TensorPrimitives.Add(PyTorchRows.InputBias(inputSize, units, 4, parameters), PyTorchRows.RecurrentBias(inputSize, units, 4, parameters), _bias);
        _xh = new float[inputSize + units];
        _c = new float[units];
        _gates = new float[4 * units];
        _scratch = new float[units];
    }

    public static TensorPrimitivesLstm Create(int inputSize, int units, ReadOnlySpan<float> pyTorchParameters) => new(inputSize, units, pyTorchParameters);

    public ReadOnlySpan<float> Hidden => _xh.AsSpan(_inputSize, _units);

    public void Reset()
    {
        Array.Clear(_xh);
        Array.Clear(_c);
    }

    public void Step(ReadOnlySpan<float> input)
    {
        int units = _units;
        int width = _inputSize + units;
        Span<float> xh = _xh;
        input.CopyTo(xh);
        ReadOnlySpan<float> rows = _rows;
        ReadOnlySpan<float> bias = _bias;
        Span<float> gates = _gates;
        for (int r = 0; r < gates.Length; r++)
        {
            gates[r] = bias[r] + TensorPrimitives.Dot(rows.Slice(r * width, width), xh);
        }

        Span<float> inputGate = gates.Slice(0, units);
        Span<float> forgetGate = gates.Slice(units, units);
        Span<float> candidate = gates.Slice(2 * units, units);
        Span<float> outputGate = gates.Slice(3 * units, units);
        TensorPrimitives.Sigmoid(gates.Slice(0, 2 * units), gates.Slice(0, 2 * units));
        TensorPrimitives.Tanh(candidate, candidate);
        TensorPrimitives.Sigmoid(outputGate, outputGate);

        Span<float> c = _c;
        TensorPrimitives.Multiply(forgetGate, c, c);
        TensorPrimitives.MultiplyAdd(inputGate, candidate, c, c);
        TensorPrimitives.Tanh(c, _scratch);
        TensorPrimitives.Multiply(outputGate, _scratch, xh.Slice(_inputSize, units));
    }
}

/// <summary>GRU reset-after (PyTorch), gates r, z, n: n = tanh(W_in·x + b_in + r·(W_hn·h + b_hn)); h = n + z·(h − n).</summary>
public readonly struct TensorPrimitivesGru : IBaselineCell<TensorPrimitivesGru>
{
    private readonly int _inputSize;
    private readonly int _units;
    private readonly float[] _rows;          // [3H, I + H]
    private readonly float[] _bias;          // r, z: bias_ih + bias_hh; n: bias_ih
    private readonly float[] _recurrentBias; // bias_hn
    private readonly float[] _xh;            // [x | h]
    private readonly float[] _gates;
    private readonly float[] _recurrent;     // W_hn·h + b_hn

    private TensorPrimitivesGru(int inputSize, int units, ReadOnlySpan<float> parameters)
    {
        _inputSize = inputSize;
        _units = units;
        _rows = PyTorchRows.Join(inputSize, units, 3, parameters);
        ReadOnlySpan<float> inputBias = PyTorchRows.InputBias(inputSize, units, 3, parameters);
        ReadOnlySpan<float> recurrentBias = PyTorchRows.RecurrentBias(inputSize, units, 3, parameters);
        _bias = inputBias.ToArray();
        TensorPrimitives.Add(inputBias.Slice(0, 2 * units), recurrentBias.Slice(0, 2 * units), _bias.AsSpan(0, 2 * units));
        _recurrentBias = recurrentBias.Slice(2 * units, units).ToArray();
        _xh = new float[inputSize + units];
        _gates = new float[3 * units];
        _recurrent = new float[units];
    }

    public static TensorPrimitivesGru Create(int inputSize, int units, ReadOnlySpan<float> pyTorchParameters) => new(inputSize, units, pyTorchParameters);

    public ReadOnlySpan<float> Hidden => _xh.AsSpan(_inputSize, _units);

    public void Reset() => Array.Clear(_xh);

    public void Step(ReadOnlySpan<float> input)
    {
        int inputSize = _inputSize;
        int units = _units;
        int width = inputSize + units;
        Span<float> xh = _xh;
        input.CopyTo(xh);
        ReadOnlySpan<float> x = xh.Slice(0, inputSize);
        Span<float> h = xh.Slice(inputSize, units);
        ReadOnlySpan<float> rows = _rows;
        ReadOnlySpan<float> bias = _bias;
        ReadOnlySpan<float> recurrentBias = _recurrentBias;
        Span<float> gates = _gates;
        Span<float> recurrent = _recurrent;

        // r and z over [x | h]; n's input and recurrent halves apart, because r multiplies only the recurrent one.
        for (int r = 0; r < 2 * units; r++)
        {
            gates[r] = bias[r] + TensorPrimitives.Dot(rows.Slice(r * width, width), xh);
        }

        for (int j = 0; j < units; j++)
        {
            ReadOnlySpan<float> row = rows.Slice(((2 * units) + j) * width, width);
            gates[(2 * units) + j] = bias[(2 * units) + j] + TensorPrimitives.Dot(row.Slice(0, inputSize), x);
            recurrent[j] = recurrentBias[j] + TensorPrimitives.Dot(row.Slice(inputSize, units), h);
        }

        Span<float> reset = gates.Slice(0, units);
        Span<float> update = gates.Slice(units, units);
        Span<float> candidate = gates.Slice(2 * units, units);
        TensorPrimitives.Sigmoid(gates.Slice(0, 2 * units), gates.Slice(0, 2 * units));
        TensorPrimitives.MultiplyAdd(reset, recurrent, candidate, candidate);
        TensorPrimitives.Tanh(candidate, candidate);
        TensorPrimitives.Subtract(h, candidate, recurrent);
        TensorPrimitives.MultiplyAdd(update, recurrent, candidate, h);
    }
}

/// <summary>SimpleRNN: h = tanh(W_ih·x + b_ih + W_hh·h + b_hh).</summary>
public readonly struct TensorPrimitivesSimpleRnn : IBaselineCell<TensorPrimitivesSimpleRnn>
{
    private readonly int _inputSize;
    private readonly int _units;
    private readonly float[] _rows;  // [H, I + H]
    private readonly float[] _bias;  // bias_ih + bias_hh
    private readonly float[] _xh;    // [x | h]
    private readonly float[] _gates;

    private TensorPrimitivesSimpleRnn(int inputSize, int units, ReadOnlySpan<float> parameters)
    {
        _inputSize = inputSize;
        _units = units;
        _rows = PyTorchRows.Join(inputSize, units, 1, parameters);
        _bias = new float[units];
        TensorPrimitives.Add(PyTorchRows.InputBias(inputSize, units, 1, parameters), PyTorchRows.RecurrentBias(inputSize, units, 1, parameters), _bias);
        _xh = new float[inputSize + units];
        _gates = new float[units];
    }

    public static TensorPrimitivesSimpleRnn Create(int inputSize, int units, ReadOnlySpan<float> pyTorchParameters) => new(inputSize, units, pyTorchParameters);

    public ReadOnlySpan<float> Hidden => _xh.AsSpan(_inputSize, _units);

    public void Reset() => Array.Clear(_xh);

    public void Step(ReadOnlySpan<float> input)
    {
        int width = _inputSize + _units;
        Span<float> xh = _xh;
        input.CopyTo(xh);
        ReadOnlySpan<float> rows = _rows;
        ReadOnlySpan<float> bias = _bias;
        Span<float> gates = _gates;
        for (int r = 0; r < gates.Length; r++)
        {
            gates[r] = bias[r] + TensorPrimitives.Dot(rows.Slice(r * width, width), xh);
        }

        TensorPrimitives.Tanh(gates, xh.Slice(_inputSize, _units));
    }
}
