using Microsoft.CodeAnalysis;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Hostile weights files at build time: 2,000 mutated copies of a valid file (flipped bytes, cut lengths, huge header
/// lengths, shapes and offsets). The generator must never throw inside the compiler: each copy is either baked or
/// refused with RNNG0019/RNNG0020 and a message. Seeded, so a failure reproduces.
/// </summary>
public sealed class WeightsFuzzTests
{
    private const string Model = """
        using RnnGen;

        [RnnModel(inputSize: 3, Weights = "tiny.safetensors", Layout = WeightLayout.PyTorch)]
        [Lstm(2)]
        [Dense(1)]
        partial class Tiny;
        """;

    [Fact]
    public void Mutated_files_are_baked_or_refused_with_a_message()
    {
        byte[] valid = WeightsFiles.Safetensors([.. WeightsFiles.TorchLstm(3, 2), ("lin.weight", [1, 2]), ("lin.bias", [1])]);
        var random = new Random(0xF11E);
        AdditionalText current = WeightsFiles.Encoded("tiny.safetensors", valid);
        GeneratorRun first = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.ParseOptions(), ("Model.cs", Model)), current);
        Assert.Empty(first.GeneratorDiagnostics);
        GeneratorDriver driver = first.Driver;
        int refused = 0;

        for (int i = 0; i < 2000; i++)
        {
            byte[] mutated = Mutate(valid, random);
            AdditionalText next = WeightsFiles.Encoded("tiny.safetensors", mutated);
            driver = driver.ReplaceAdditionalText(current, next).RunGenerators(first.Input);
            current = next;

            GeneratorRunResult result = driver.GetRunResult().Results.Single();
            Assert.True(result.Exception is null, $"mutation {i}: the generator threw {result.Exception}");
            foreach (Diagnostic diagnostic in result.Diagnostics)
            {
                Assert.True(diagnostic.Id is "RNNG0019" or "RNNG0020", $"mutation {i}: unexpected {diagnostic}");
                Assert.Contains("'tiny.safetensors'", diagnostic.GetMessage(), StringComparison.Ordinal);
                refused++;
            }
        }

        Assert.True(refused > 700, $"only {refused} of 2000 mutations were refused: the mutations are not reaching the header");
    }

    private static byte[] Mutate(byte[] valid, Random random)
    {
        byte[] file = (byte[])valid.Clone();
        int headerEnd = 8 + (int)BitConverter.ToUInt64(valid, 0);
        switch (random.Next(5))
        {
            case 0: // flip bytes, mostly in the header
                for (int n = random.Next(1, 4); n > 0; n--)
                {
                    file[random.Next(random.Next(2) == 0 ? headerEnd : file.Length)] ^= (byte)random.Next(1, 256);
                }

                return file;
            case 1: // cut
                return file.AsSpan(0, random.Next(file.Length)).ToArray();
            case 2: // a huge or lying header length
                BitConverter.GetBytes(random.Next(2) == 0 ? ulong.MaxValue - (ulong)random.Next(100) : (ulong)random.Next(headerEnd + 64)).CopyTo(file, 0);
                return file;
            default: // huge numbers where the header has digits (shapes, offsets)
                int at = Array.FindIndex(file, 8 + random.Next(headerEnd - 8), b => b is >= (byte)'0' and <= (byte)'9');
                if (at < 0 || at >= headerEnd)
                {
                    return file;
                }

                byte[] digits = System.Text.Encoding.ASCII.GetBytes(random.Next(3) switch { 0 => "1099511627776", 1 => "-1", _ => "4294967296" });
                byte[] grown = [.. file.AsSpan(0, at), .. digits, .. file.AsSpan(at + 1)];
                BitConverter.GetBytes((ulong)(headerEnd - 8 + digits.Length - 1)).CopyTo(grown, 0);
                return grown;
        }
    }
}
