using System;
using System.Globalization;
using System.IO;

namespace Iot.Recordings;

/// <summary>Writes samples in the recording format (--record); formats into a reused buffer, so it allocates nothing per row.</summary>
internal sealed class RecordingWriter : IDisposable
{
    private readonly TextWriter _writer;
    private readonly string _label;
    private readonly int _rateHz;
    private readonly char[] _line = new char[160];
    private long _rows;

    public RecordingWriter(TextWriter writer, int rateHz, string label)
    {
        _writer = writer;
        _rateHz = rateHz;
        _label = label;
        _writer.Write(RecordingFormat.Header);
        _writer.Write('\n');
    }

    public void Write(ReadOnlySpan<float> sample)
    {
        // Same precision as the generator: 1 LSB is 6.1e-5 g and 0.0076 °/s.
        double seconds = (double)_rows++ / _rateHz;
        _line.AsSpan().TryWrite(CultureInfo.InvariantCulture,
            $"{seconds:F2},{sample[0]:F6},{sample[1]:F6},{sample[2]:F6},{sample[3]:F4},{sample[4]:F4},{sample[5]:F4},{_label}\n",
            out int length);
        _writer.Write(_line.AsSpan(0, length));
    }

    public void Dispose() => _writer.Dispose();
}
