using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace RnnGen.Weights;

/// <summary>
/// The tensor directory of a safetensors file (https://github.com/huggingface/safetensors: an 8-byte little-endian
/// header length, a JSON header naming each tensor's dtype, shape and byte range, then the data), read in place from a
/// span. Every number in the header is checked against the file before anything is read or allocated, so a truncated
/// or hostile file gives a <see cref="FormatException"/> naming the problem, never an out-of-range read or a huge
/// allocation.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SafetensorsFile
{
    /// <summary>Headers above this size are refused (the format's own reference reader also caps them at 100 MB).</summary>
    public const int MaxHeaderBytes = 100_000_000;

    /// <summary>Reads the header: every tensor with its data range checked against the file.</summary>
    /// <exception cref="FormatException">The file is not a well-formed safetensors file; the message says where.</exception>
    public static List<SafetensorsTensor> ReadDirectory(ReadOnlySpan<byte> file)
    {
        if (file.Length < 8)
        {
            throw new FormatException($"safetensors: the file has {file.Length} bytes, fewer than the 8-byte header length.");
        }

        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(file);
        if (headerLength > MaxHeaderBytes || headerLength > (ulong)(file.Length - 8))
        {
            throw new FormatException($"safetensors: the header says it is {headerLength} bytes long, but the file has {file.Length - 8} bytes after the length (and at most {MaxHeaderBytes} are accepted).");
        }

        ReadOnlySpan<byte> header = file.Slice(8, (int)headerLength);
        long dataLength = file.Length - 8 - (long)headerLength;
        var tensors = new List<SafetensorsTensor>();
        var reader = new Utf8JsonReader(header, new JsonReaderOptions { MaxDepth = 8 });
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, "the header");
            while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                if (name == "__metadata__")
                {
                    Read(ref reader);
                    reader.Skip();
                    continue;
                }

                tensors.Add(ReadTensor(ref reader, name, 8 + (long)headerLength, dataLength));
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw new FormatException($"safetensors: unexpected {reader.TokenType} in the header's tensor list.");
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"safetensors: the header is not valid JSON ({e.Message}).", e);
        }
        catch (InvalidOperationException e)
        {
            // A name that is not valid UTF-8.
            throw new FormatException($"safetensors: the header is not valid UTF-8 JSON ({e.Message}).", e);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (SafetensorsTensor tensor in tensors)
        {
            if (!seen.Add(tensor.Name))
            {
                throw new FormatException($"safetensors: tensor '{tensor.Name}' appears twice in the header.");
            }
        }

        return tensors;
    }

    private static SafetensorsTensor ReadTensor(ref Utf8JsonReader reader, string name, long dataStart, long dataLength)
    {
        string? dtype = null;
        int[]? shape = null;
        long begin = -1, end = -1;
        Expect(ref reader, JsonTokenType.StartObject, $"tensor '{name}'");
        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            string field = reader.GetString()!;
            Read(ref reader);
            switch (field)
            {
                case "dtype":
                    dtype = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw Bad(name, "dtype is not a string");
                    break;
                case "shape":
                    shape = ReadShape(ref reader, name);
                    break;
                case "data_offsets":
                    (begin, end) = ReadOffsets(ref reader, name);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (dtype is null || shape is null || begin < 0)
        {
            throw Bad(name, "needs dtype, shape and data_offsets");
        }

        if (SafetensorsRules.ElementSize(dtype) == 0)
        {
            throw Bad(name, SafetensorsRules.UnsupportedDtype(dtype));
        }

        if (SafetensorsRules.RangeProblem(dtype, shape, begin, end, dataLength) is { } problem)
        {
            throw Bad(name, problem);
        }

        return new SafetensorsTensor(name, dtype, shape, dataStart + begin, dataStart + end);
    }

    private static int[] ReadShape(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Bad(name, "shape is not an array");
        }

        var shape = new List<int>();
        while (Read(ref reader) && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int dimension) || dimension < 0)
            {
                throw Bad(name, "shape holds something other than a size from 0 to 2147483647");
            }

            if (shape.Count == 8)
            {
                throw Bad(name, "has more than 8 dimensions");
            }

            shape.Add(dimension);
        }

        return shape.ToArray();
    }

    private static (long Begin, long End) ReadOffsets(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartArray
            || !Read(ref reader) || !reader.TryGetInt64(out long begin)
            || !Read(ref reader) || !reader.TryGetInt64(out long end)
            || !Read(ref reader) || reader.TokenType != JsonTokenType.EndArray
            || begin < 0 || end < 0)
        {
            throw Bad(name, "data_offsets is not a pair of non-negative byte offsets");
        }

        return (begin, end);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (!Read(ref reader) || reader.TokenType != type)
        {
            throw new FormatException($"safetensors: {what} is not a JSON {(type == JsonTokenType.StartObject ? "object" : type.ToString())}.");
        }
    }

    private static bool Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new FormatException("safetensors: the header ends in the middle of its JSON.");
        }

        return true;
    }

    private static FormatException Bad(string name, string problem) => new($"safetensors: tensor '{name}' {problem}.");
}

/// <summary>One tensor of a safetensors file: name, dtype, shape and its byte range within the file.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SafetensorsTensor(string name, string dtype, int[] shape, long begin, long end)
{
    /// <summary>The tensor's name in the file, e.g. <c>rnn.weight_ih_l0</c> or <c>lstm/kernel</c>.</summary>
    public string Name { get; } = name;

    /// <summary><c>F32</c>, <c>F16</c> or <c>BF16</c>.</summary>
    public string DType { get; } = dtype;

    /// <summary>Outermost dimension first.</summary>
    public int[] Shape { get; } = shape;

    /// <summary>Number of elements.</summary>
    public long Length => (End - Begin) / SafetensorsRules.ElementSize(DType);

    /// <summary>First byte within the whole file (data_offsets are relative to the data section; this is not).</summary>
    internal long Begin { get; } = begin;

    /// <summary>One past the last byte within the whole file.</summary>
    internal long End { get; } = end;

    /// <summary>The shape as text, e.g. <c>[128, 8]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";

    /// <summary>Copies the values as float32 (F16 and BF16 widened exactly) into <paramref name="destination"/>.</summary>
    /// <param name="file">The whole file the directory was read from.</param>
    /// <param name="destination">Exactly <see cref="Length"/> floats.</param>
    public void CopyTo(ReadOnlySpan<byte> file, Span<float> destination)
    {
        if (destination.Length != Length)
        {
            throw new ArgumentException($"'{Name}' holds {Length} values, not {destination.Length}.", nameof(destination));
        }

        ReadOnlySpan<byte> bytes = file.Slice((int)Begin, (int)(End - Begin));
        switch (DType)
        {
            case "F32":
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(4 * i));
                }

                break;
            case "F16":
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.Slice(2 * i));
                }

                break;
            default: // BF16: the upper half of a float32
                for (int i = 0; i < destination.Length; i++)
                {
                    destination[i] = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(2 * i)) << 16);
                }

                break;
        }
    }
}
