using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Iot.Recordings;

/// <summary>
/// Writes samples in the recording format (--record). Each row is formatted and UTF-8 encoded into reused buffers and
/// handed to the stream, so it allocates nothing per row (a StreamWriter allocated its byte buffer on its first
/// flush, in the middle of the loop).
/// </summary>
internal sealed class RecordingWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly string _label;
    private readonly int _rateHz;
    private readonly char[] _line = new char[160];
    private readonly byte[] _bytes = new byte[480];
    private long _rows;

    public RecordingWriter(Stream stream, int rateHz, string label)
    {
        _stream = stream;
        _rateHz = rateHz;
        _label = label;
        RecordingFormat.Header.AsSpan().CopyTo(_line);
        _line[RecordingFormat.Header.Length] = '\n';
        WriteLine(RecordingFormat.Header.Length + 1);  // also makes a buffered stream allocate its buffer now
        _ = Format([0f, 0f, 1f, 0f, 0f, 0f], 0);        // and float formatting its caches
    }

    public void Write(ReadOnlySpan<float> sample) => WriteLine(Format(sample, (double)_rows++ / _rateHz));

    public void Dispose() => _stream.Dispose();

    private int Format(ReadOnlySpan<float> sample, double seconds)
    {
        // Same precision as the generator: 1 LSB is 6.1e-5 g and 0.0076 °/s.
        _line.AsSpan().TryWrite(CultureInfo.InvariantCulture,
            $"{seconds:F2},{sample[0]:F6},{sample[1]:F6},{sample[2]:F6},{sample[3]:F4},{sample[4]:F4},{sample[5]:F4},{_label}\n",
            out int length);
        return length;
    }

    private void WriteLine(int length) => _stream.Write(_bytes, 0, Encoding.UTF8.GetBytes(_line.AsSpan(0, length), _bytes));
}
