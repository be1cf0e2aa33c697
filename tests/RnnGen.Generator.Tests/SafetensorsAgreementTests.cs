using System.Buffers.Binary;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>
/// A Weights file is refused when the project is built exactly when FromSafetensors would refuse it when the app runs,
/// for the same reason: both readers take their rules from the one Shared SafetensorsRules.
/// </summary>
public sealed class SafetensorsAgreementTests
{
    private const string Tiny = """
        using RnnGen;

        [RnnModel(inputSize: 3, Weights = "models/tiny.safetensors", Layout = WeightLayout.PyTorch)]
        [Lstm(2)]
        partial class Tiny;
        """;

    [Theory]
    [InlineData("{\"rnn.weight_ih_l0\":{\"dtype\":\"F64\",\"shape\":[8,3],\"data_offsets\":[0,192]}}", 192, "has dtype F64; RnnGen reads F32, F16 and BF16")]
    [InlineData("{\"rnn.weight_ih_l0\":{\"dtype\":\"F32\",\"shape\":[8,3],\"data_offsets\":[0,96]}}", 64, "has data_offsets [0, 96] outside the 64 data bytes of the file")]
    [InlineData("{\"rnn.weight_ih_l0\":{\"dtype\":\"F32\",\"shape\":[8,3],\"data_offsets\":[0,64]}}", 64, "has shape [8, 3] of F32 (96 bytes) but data_offsets [0, 64] span 64 bytes")]
    [InlineData("{\"rnn.weight_ih_l0\":{\"dtype\":\"BF16\",\"shape\":[2147483647,2147483647],\"data_offsets\":[0,64]}}", 64, "has shape [2147483647, 2147483647] of BF16 (more than the file holds) but data_offsets [0, 64] span 64 bytes")]
    public void BuildTimeAndRunTimeRefuseAlike(string header, int dataBytes, string problem)
    {
        byte[] file = Assemble(header, dataBytes);

        FormatException atRunTime = Assert.Throws<FormatException>(() => RnnGen.Weights.SafetensorsFile.ReadDirectory(file));
        GeneratorRun run = GeneratorHarness.Run(
            GeneratorHarness.Compile(GeneratorHarness.ParseOptions(), ("Model.cs", Tiny)),
            WeightsFiles.Encoded("models/tiny.safetensors", file));
        Diagnostic atBuildTime = Assert.Single(run.GeneratorDiagnostics);

        Assert.Equal("RNNG0019", atBuildTime.Id);
        Assert.Contains("tensor 'rnn.weight_ih_l0' " + problem, atRunTime.Message, StringComparison.Ordinal);
        Assert.Contains("tensor 'rnn.weight_ih_l0' " + problem, atBuildTime.GetMessage(), StringComparison.Ordinal);
    }

    private static byte[] Assemble(string header, int dataBytes)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        var file = new byte[8 + json.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)json.Length);
        json.CopyTo(file, 8);
        return file;
    }
}
