using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace RnnGen.Generator.Weights;

/// <summary>
/// A safetensors file read at build time: its tensors' names, shapes and values as float32. The same checks as the
/// runtime's <c>SafetensorsFile</c> (8-byte little-endian header length, JSON header, F32/F16/BF16, every byte range
/// inside the file and matching its shape), written for the compiler host, which has no JSON library on every host.
/// </summary>
internal sealed class SafetensorsContent
{
    private const int MaxHeaderBytes = 100_000_000;

    private readonly byte[] _file;
    private readonly Dictionary<string, Entry> _entries;

    private SafetensorsContent(byte[] file, Dictionary<string, Entry> entries)
    {
        _file = file;
        _entries = entries;
    }

    /// <summary>Every tensor's shape, by name, in header order.</summary>
    public Dictionary<string, int[]> Shapes => _entries.ToDictionary(e => e.Key, e => e.Value.Shape, StringComparer.Ordinal);

    /// <exception cref="FormatException">Not a well-formed safetensors file; the message says what is wrong.</exception>
    public static SafetensorsContent Read(byte[] file)
    {
        if (file.Length < 8)
        {
            throw new FormatException($"the file has {file.Length} bytes, fewer than the 8-byte header length");
        }

        ulong headerLength = BitConverter.ToUInt64(file, 0);
        if (!BitConverter.IsLittleEndian)
        {
            throw new FormatException("RnnGen bakes weights on little-endian build machines only");
        }

        if (headerLength > MaxHeaderBytes || headerLength > (ulong)(file.Length - 8))
        {
            throw new FormatException($"the header says it is {headerLength} bytes long, but the file has {file.Length - 8} bytes after the length");
        }

        string header;
        try
        {
            header = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file, 8, (int)headerLength);
        }
        catch (ArgumentException)
        {
            throw new FormatException("the header is not valid UTF-8");
        }

        if (MiniJson.Parse(header) is not List<KeyValuePair<string, object?>> members)
        {
            throw new FormatException("the header is not a JSON object");
        }

        long dataStart = 8 + (long)headerLength;
        long dataLength = file.Length - dataStart;
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, object?> member in members)
        {
            if (member.Key == "__metadata__")
            {
                continue;
            }

            if (entries.ContainsKey(member.Key))
            {
                throw new FormatException($"tensor '{member.Key}' appears twice in the header");
            }

            entries.Add(member.Key, ReadEntry(member.Key, member.Value, dataStart, dataLength));
        }

        return new SafetensorsContent(file, entries);
    }

    /// <summary>The values of tensor <paramref name="name"/> as float32 (F16 and BF16 widened exactly), appended to <paramref name="destination"/>.</summary>
    public void AppendValues(string name, List<float> destination)
    {
        Entry entry = _entries[name];
        switch (entry.DType)
        {
            case "F32":
                for (long at = entry.Begin; at < entry.End; at += 4)
                {
                    destination.Add(BitConverter.ToSingle(_file, (int)at));
                }

                break;
            case "F16":
                for (long at = entry.Begin; at < entry.End; at += 2)
                {
                    destination.Add(HalfToSingle(BitConverter.ToUInt16(_file, (int)at)));
                }

                break;
            default: // BF16: the upper half of a float32, so its two bytes go above two zero bytes
                var widened = new byte[4];
                for (long at = entry.Begin; at < entry.End; at += 2)
                {
                    widened[2] = _file[at];
                    widened[3] = _file[at + 1];
                    destination.Add(BitConverter.ToSingle(widened, 0));
                }

                break;
        }
    }

    private static Entry ReadEntry(string name, object? value, long dataStart, long dataLength)
    {
        if (value is not List<KeyValuePair<string, object?>> fields)
        {
            throw Bad(name, "is not a JSON object");
        }

        object? Field(string key) => fields.FirstOrDefault(f => f.Key == key).Value;

        string dtype = Field("dtype") as string ?? throw Bad(name, "needs a dtype string");
        if (SafetensorsRules.ElementSize(dtype) == 0)
        {
            throw Bad(name, SafetensorsRules.UnsupportedDtype(dtype));
        }

        if (Field("shape") is not List<object?> dimensions || dimensions.Count > 8 || dimensions.Any(d => d is not long size || size < 0 || size > int.MaxValue))
        {
            throw Bad(name, "needs a shape of at most 8 sizes from 0 to 2147483647");
        }

        if (Field("data_offsets") is not List<object?> { Count: 2 } offsets || offsets[0] is not long begin || offsets[1] is not long end || begin < 0 || end < begin)
        {
            throw Bad(name, "needs data_offsets, a pair of non-negative byte offsets in order");
        }

        int[] shape = dimensions.Select(d => (int)(long)d!).ToArray();
        if (SafetensorsRules.RangeProblem(dtype, shape, begin, end, dataLength) is { } problem)
        {
            throw Bad(name, problem);
        }

        return new Entry(dtype, shape, dataStart + begin, dataStart + end);
    }

    /// <summary>IEEE 754 binary16 to binary32, exactly (netstandard2.0 has no System.Half).</summary>
    private static float HalfToSingle(ushort bits)
    {
        int sign = (bits >> 15) & 1;
        int exponent = (bits >> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        double magnitude = exponent switch
        {
            0 => mantissa * Math.Pow(2, -24),
            0x1F => mantissa == 0 ? double.PositiveInfinity : double.NaN,
            _ => (1 + (mantissa / 1024.0)) * Math.Pow(2, exponent - 15),
        };
        return (float)(sign == 1 ? -magnitude : magnitude);
    }

    private static FormatException Bad(string name, string problem) => new($"tensor '{name}' {problem}");

    private sealed class Entry
    {
        public Entry(string dtype, int[] shape, long begin, long end)
        {
            DType = dtype;
            Shape = shape;
            Begin = begin;
            End = end;
        }

        public string DType { get; }

        public int[] Shape { get; }

        public long Begin { get; }

        public long End { get; }
    }
}
