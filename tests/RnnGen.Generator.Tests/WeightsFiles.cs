using System.Buffers.Binary;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RnnGen.Generator.Tests;

/// <summary>Safetensors files for baking tests, and the base64 AdditionalText RnnGen.Weights.targets would hand the compiler.</summary>
internal static class WeightsFiles
{
    /// <summary>An F32 safetensors file; each tensor's values are <c>seed + index / 1000</c>, so every weight is distinct.</summary>
    public static byte[] Safetensors(params (string Name, int[] Shape)[] tensors)
    {
        var header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        var data = new List<byte>();
        int seed = 0;
        foreach ((string name, int[] shape) in tensors)
        {
            int count = shape.Aggregate(1, (a, b) => a * b);
            header.Append($",\"{name}\":{{\"dtype\":\"F32\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{data.Count},{data.Count + (4 * count)}]}}");
            seed++;
            for (int i = 0; i < count; i++)
            {
                data.AddRange(BitConverter.GetBytes(seed + (i / 1000f)));
            }
        }

        byte[] json = Encoding.UTF8.GetBytes(header.Append('}').ToString());
        var file = new byte[8 + json.Length + data.Count];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)json.Length);
        json.CopyTo(file, 8);
        data.CopyTo(file, 8 + json.Length);
        return file;
    }

    /// <summary>A half-precision (F16 or BF16) safetensors file: the first element of the first tensor is <paramref name="first"/>, every other one <paramref name="rest"/> (raw 16-bit patterns).</summary>
    public static byte[] HalfSafetensors(string dtype, ushort first, ushort rest, params (string Name, int[] Shape)[] tensors)
    {
        var header = new StringBuilder("{");
        var data = new List<byte>();
        foreach ((string name, int[] shape) in tensors)
        {
            int count = shape.Aggregate(1, (a, b) => a * b);
            header.Append(header.Length > 1 ? "," : string.Empty)
                .Append($"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{data.Count},{data.Count + (2 * count)}]}}");
            for (int i = 0; i < count; i++)
            {
                data.AddRange(BitConverter.GetBytes(data.Count == 0 ? first : rest));
            }
        }

        byte[] json = Encoding.UTF8.GetBytes(header.Append('}').ToString());
        var file = new byte[8 + json.Length + data.Count];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)json.Length);
        json.CopyTo(file, 8);
        data.CopyTo(file, 8 + json.Length);
        return file;
    }

    /// <summary>PyTorch names of an <c>nn.LSTM(input, hidden)</c> module called <c>rnn</c>.</summary>
    public static (string, int[])[] TorchLstm(int input, int hidden, string module = "rnn") =>
    [
        ($"{module}.weight_ih_l0", [4 * hidden, input]),
        ($"{module}.weight_hh_l0", [4 * hidden, hidden]),
        ($"{module}.bias_ih_l0", [4 * hidden]),
        ($"{module}.bias_hh_l0", [4 * hidden]),
    ];

    /// <summary>
    /// The encoded copy the targets would write. They put it under obj/ and name the original in item metadata; with no
    /// metadata the generator takes the original to be the copy's path without <c>.base64</c>, which this uses.
    /// (The metadata route is what RnnGen.Tests' real build exercises.)
    /// </summary>
    public static AdditionalText Encoded(string originalPath, byte[] file) =>
        new InMemoryText(originalPath + ".base64", Convert.ToBase64String(file));

    public static AdditionalText Text(string path, string content) => new InMemoryText(path, content);

    private sealed class InMemoryText(string path, string content) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(content, Encoding.UTF8);
    }
}
