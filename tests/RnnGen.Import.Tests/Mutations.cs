using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Google.Protobuf;

namespace RnnGen.Import.Tests;

/// <summary>Deterministic corruptions of a model file: flipped bytes, cut lengths and sizes set to 2^40.</summary>
internal static class Mutations
{
    public const long Huge = 1L << 40;

    public static IEnumerable<(string What, byte[] Bytes)> Of(byte[] file, string name, int count, int seed)
    {
        var random = new Random(seed);
        string extension = Path.GetExtension(name);
        foreach ((string what, byte[] bytes) in Specific(file, extension))
        {
            yield return (what, bytes);
        }

        for (int n = 0; n < count; n++)
        {
            int kind = random.Next(4);
            if (extension == ".keras" && random.Next(2) == 0)
            {
                // Flipping zip bytes mostly trips the CRC; corrupt the entries themselves and zip them again.
                yield return ($"#{n} inner entry", Rezip(file, (entry, bytes) => Mutate(bytes, kind, random, entry.EndsWith(".json", StringComparison.Ordinal))));
                continue;
            }

            yield return ($"#{n} kind {kind}", Mutate(file, kind, random, extension == ".json"));
        }
    }

    private static byte[] Mutate(byte[] file, int kind, Random random, bool text)
    {
        byte[] copy = (byte[])file.Clone();
        switch (kind)
        {
            case 0: // flipped bytes
                for (int i = random.Next(1, 5); i > 0 && copy.Length > 0; i--)
                {
                    copy[random.Next(copy.Length)] ^= (byte)random.Next(1, 256);
                }

                return copy;
            case 1: // cut
                return copy.AsSpan(0, random.Next(copy.Length)).ToArray();
            case 2 when text: // a number in the JSON becomes 2^40
                MatchCollection numbers = Regex.Matches(Encoding.UTF8.GetString(copy), "-?[0-9]+(\\.[0-9]+)?");
                if (numbers.Count == 0)
                {
                    return copy;
                }

                Match number = numbers[random.Next(numbers.Count)];
                string json = Encoding.UTF8.GetString(copy);
                return Encoding.UTF8.GetBytes(json.Substring(0, number.Index) + Huge + json.Substring(number.Index + number.Length));
            case 2: // a small 64-bit little-endian value (HDF5 dimensions, lengths, offsets) becomes 2^40
                return SetSmallValue(copy, random, 8, Huge);
            default: // a small 32-bit value becomes int.MaxValue
                return SetSmallValue(copy, random, 4, int.MaxValue);
        }
    }

    private static byte[] SetSmallValue(byte[] copy, Random random, int width, long value)
    {
        var positions = new List<int>();
        for (int i = 0; i + width <= copy.Length; i++)
        {
            ulong v = width == 8 ? BinaryPrimitives.ReadUInt64LittleEndian(copy.AsSpan(i)) : BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(i));
            if (v is >= 1 and <= 4096)
            {
                positions.Add(i);
            }
        }

        if (positions.Count > 0)
        {
            int at = positions[random.Next(positions.Count)];
            if (width == 8)
            {
                BinaryPrimitives.WriteInt64LittleEndian(copy.AsSpan(at), value);
            }
            else
            {
                BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(at), (int)value);
            }
        }

        return copy;
    }

    /// <summary>Every declared dimension of every tensor set to 2^40 in turn, in a file that is otherwise well formed.</summary>
    private static IEnumerable<(string, byte[])> Specific(byte[] file, string extension)
    {
        if (extension == ".onnx")
        {
            var model = Onnx.ModelProto.Parser.ParseFrom(file);
            for (int i = 0; i < model.Graph.Initializer.Count; i++)
            {
                for (int d = 0; d < model.Graph.Initializer[i].Dims.Count; d++)
                {
                    var copy = model.Clone();
                    copy.Graph.Initializer[i].Dims[d] = Huge;
                    yield return ($"initializer {i} dim {d} = 2^40", copy.ToByteArray());
                }
            }
        }
        else if (extension == ".safetensors")
        {
            string text = Encoding.UTF8.GetString(file);
            foreach (Match shape in Regex.Matches(text, "\"shape\":\\s*\\[([0-9]+)"))
            {
                yield return ($"shape at {shape.Index} = 2^40", Encoding.UTF8.GetBytes(text.Substring(0, shape.Groups[1].Index) + Huge + text.Substring(shape.Groups[1].Index + shape.Groups[1].Length)));
            }
        }
    }

    private static byte[] Rezip(byte[] file, Func<string, byte[], byte[]> change)
    {
        using var input = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ZipArchiveEntry entry in input.Entries)
            {
                using var read = new MemoryStream();
                using (Stream stream = entry.Open())
                {
                    stream.CopyTo(read);
                }

                byte[] bytes = entry.Name == "metadata.json" ? read.ToArray() : change(entry.Name, read.ToArray());
                using Stream write = zip.CreateEntry(entry.FullName).Open();
                write.Write(bytes);
            }
        }

        return output.ToArray();
    }
}
