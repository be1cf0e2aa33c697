using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace RnnGen.Import;

/// <summary>
/// Writes float32 tensors as a safetensors file: an 8-byte little-endian header length, a JSON header (dtype, shape,
/// data_offsets per tensor) padded with spaces to a multiple of 8 bytes so the data stays aligned, then the data.
/// </summary>
public static class SafetensorsWriter
{
    /// <summary>The file's bytes.</summary>
    public static byte[] Write(IReadOnlyList<NamedTensor> tensors)
    {
        var header = new MemoryStream();
        long offset = 0;
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            foreach (NamedTensor tensor in tensors)
            {
                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (int dimension in tensor.Shape)
                {
                    json.WriteNumberValue(dimension);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                offset += 4L * tensor.Values.Length;
                json.WriteNumberValue(offset);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        int headerLength = (int)header.Length;
        int padded = (headerLength + 7) / 8 * 8;
        var file = new byte[8 + padded + offset];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)padded);
        header.GetBuffer().AsSpan(0, headerLength).CopyTo(file.AsSpan(8));
        file.AsSpan(8 + headerLength, padded - headerLength).Fill((byte)' ');
        int position = 8 + padded;
        foreach (NamedTensor tensor in tensors)
        {
            foreach (float value in tensor.Values)
            {
                BinaryPrimitives.WriteSingleLittleEndian(file.AsSpan(position), value);
                position += 4;
            }
        }

        return file;
    }

    /// <summary>The header as text, for messages and tests.</summary>
    public static string HeaderText(byte[] file) => Encoding.UTF8.GetString(file, 8, (int)BinaryPrimitives.ReadUInt64LittleEndian(file));
}
