using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Linq;
using Onnx;

namespace RnnGen.Import;

/// <summary>ONNX initializers and Constant outputs as float tensors, and node attributes, with sizes checked against the data present.</summary>
internal static class OnnxValues
{
    private const int Float = 1;
    private const int Int64 = 7;
    private const int Double = 11;

    /// <summary>The float32/float64 tensor as float32; int64 tensors too (axes, indices), as floats.</summary>
    public static RawTensor? ToTensor(TensorProto tensor, string name)
    {
        long[] shape = tensor.Dims.ToArray();
        long count = WeightBuilder.Product(shape);
        if (count < 0)
        {
            throw new ModelImportException($"ONNX: tensor '{name}' has an invalid shape [{string.Join(", ", shape)}].");
        }

        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw new ModelImportException($"ONNX: tensor '{name}' keeps its data in an external file, which is not supported; save the model with all tensors inside.");
        }

        int size = tensor.DataType switch { Float => 4, Int64 => 8, Double => 8, _ => 0 };
        if (size == 0)
        {
            return null; // another dtype: never a weight RnnGen uses; an op that needs it will be refused by name
        }

        long stored = tensor.RawData.Length > 0 ? tensor.RawData.Length / size
            : tensor.DataType switch { Float => tensor.FloatData.Count, Int64 => tensor.Int64Data.Count, _ => tensor.DoubleData.Count };
        if (stored != count || (tensor.RawData.Length > 0 && tensor.RawData.Length % size != 0))
        {
            throw new ModelImportException($"ONNX: tensor '{name}' declares shape [{string.Join(", ", shape)}] ({count} values) but stores {stored}.");
        }

        var values = new float[count];
        ReadOnlySpan<byte> raw = tensor.RawData.Span;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (raw.Length, tensor.DataType) switch
            {
                (> 0, Float) => BinaryPrimitives.ReadSingleLittleEndian(raw.Slice(4 * i)),
                (> 0, Int64) => BinaryPrimitives.ReadInt64LittleEndian(raw.Slice(8 * i)),
                (> 0, _) => (float)BinaryPrimitives.ReadDoubleLittleEndian(raw.Slice(8 * i)),
                (_, Float) => tensor.FloatData[i],
                (_, Int64) => tensor.Int64Data[i],
                _ => (float)tensor.DoubleData[i],
            };
        }

        return new RawTensor(name, shape, values);
    }

    public static AttributeProto? Attribute(NodeProto node, string name) => node.Attribute.FirstOrDefault(a => a.Name == name);

    public static long Int(NodeProto node, string name, long fallback) => Attribute(node, name) is { } a ? a.I : fallback;

    public static float Float32(NodeProto node, string name, float fallback) => Attribute(node, name) is { } a ? a.F : fallback;

    public static string Text(NodeProto node, string name, string fallback) => Attribute(node, name) is { } a ? a.S.ToStringUtf8() : fallback;

    public static List<string> Texts(NodeProto node, string name) => Attribute(node, name) is { } a ? a.Strings.Select(s => s.ToStringUtf8()).ToList() : new List<string>();

    public static List<long> Ints(NodeProto node, string name) => Attribute(node, name) is { } a ? a.Ints.ToList() : new List<long>();
}
