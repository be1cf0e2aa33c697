using System;
using Google.Protobuf;
using Onnx;

namespace RnnGen.Import;

/// <summary>
/// An ONNX model (as <c>torch.onnx.export</c> writes it): LSTM / GRU / RNN nodes with initializer weights, Gemm or
/// MatMul + Add as Dense, and the shape glue between them. See <see cref="OnnxGraphReader"/> for what is accepted.
/// </summary>
public static class OnnxImporter
{
    /// <summary>Reads the model.</summary>
    public static ImportedModel Read(byte[] file)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(file);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or ArgumentException or InvalidOperationException or OverflowException or IndexOutOfRangeException)
        {
            throw new ModelImportException("ONNX: the file is not a valid ONNX protobuf", e);
        }

        if (model.Graph is null)
        {
            throw new ModelImportException("ONNX: the model has no graph.");
        }

        var reader = new OnnxGraphReader(model.Graph);
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (e is not ModelImportException and not OutOfMemoryException)
        {
            throw new ModelImportException($"ONNX: node '{reader.Current}' is malformed", e);
        }
    }
}
