using System;
using System.IO;
using System.Text;

namespace Iot.Measurement;

/// <summary>
/// Writes lines to standard output without allocating: the caller formats into <see cref="Buffer"/> (span TryWrite),
/// the text is encoded into a reused byte array and written to the raw stdout stream. Used inside the sample loop,
/// where Console.WriteLine's string formatting would allocate.
/// </summary>
internal sealed class ConsoleLines(Stream output)
{
    private readonly byte[] _bytes = new byte[4096];

    private readonly char[] _chars = new char[1024];

    /// <summary>Where the caller formats a line (without its newline, which <see cref="WriteLine"/> adds).</summary>
    public Span<char> Buffer => _chars.AsSpan(0, _chars.Length - 1);

    public void WriteLine(int length)
    {
        _chars[length] = '\n';
        int count = Encoding.UTF8.GetBytes(_chars.AsSpan(0, length + 1), _bytes);
        output.Write(_bytes, 0, count);
        output.Flush();
    }
}
