using System.Diagnostics;
using RnnGen.Tests.Shared;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Baking through a real <c>dotnet build</c> of a fresh project, as a user's build runs it: RnnGen.Weights.targets hands
/// the binary file to the generator inside the compiler host, a mismatched file fails the build with RNNG0020, and
/// replacing the file makes the next build bake the new weights (the targets' incremental copy and the generator
/// both notice). The built program compares Default with FromSafetensors on the same file.
/// </summary>
public sealed class BuildIntegrationTests : IDisposable
{
    private const string Program = """
        using RnnGen;

        float[] input = [0.5f, -1f, 2f];
        float[] baked = new float[2], loaded = new float[2];
        var state = new Tiny.State();
        Tiny.Default.Step(input, ref state, baked);
        state = default;
        Tiny.FromSafetensors(File.ReadAllBytes(args[0]), WeightLayout.PyTorch).Step(input, ref state, loaded);
        Console.WriteLine($"baked {baked[0]:R} {baked[1]:R}; {(baked.AsSpan().SequenceEqual(loaded) ? "same as" : "DIFFERENT from")} FromSafetensors");

        [RnnModel(inputSize: 3, Weights = "weights/tiny.safetensors", Layout = WeightLayout.PyTorch)]
        [Lstm(2)]
        partial class Tiny;
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rnngen-build-" + Guid.NewGuid().ToString("N"));

    public BuildIntegrationTests()
    {
        string repository = RepositoryRoot.Path;
        Directory.CreateDirectory(Path.Combine(_directory, "weights"));
        File.WriteAllText(Path.Combine(_directory, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{repository}/src/Runtime/RnnGen.Runtime.csproj" />
                <ProjectReference Include="{repository}/src/Generator/RnnGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <AdditionalFiles Include="weights/tiny.safetensors" />
              </ItemGroup>
              <Import Project="{repository}/src/Generator/RnnGen.Weights.targets" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(_directory, "Program.cs"), Program);
    }

    [Fact]
    public void Dotnet_build_bakes_refuses_a_mismatched_file_and_rebakes_a_replaced_one()
    {
        string weights = Path.Combine(_directory, "weights", "tiny.safetensors");
        File.WriteAllBytes(weights, WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2)));
        (int status, string output) = Dotnet("build");
        Assert.True(status == 0, output);
        string first = Dotnet("bin/Release/net10.0/App.dll", weights).Output;
        Assert.Contains("same as FromSafetensors", first, StringComparison.Ordinal);

        File.WriteAllBytes(weights, WeightsFiles.Safetensors(WeightsFiles.TorchLstm(4, 2)));
        (status, output) = Dotnet("build");
        Assert.NotEqual(0, status);
        Assert.Contains("error RNNG0020", output, StringComparison.Ordinal);
        Assert.Contains("'rnn.weight_ih_l0' has shape [8, 4], the layer needs [8, 3]", output, StringComparison.Ordinal);

        byte[] retrained = WeightsFiles.Safetensors(WeightsFiles.TorchLstm(3, 2));
        BitConverter.GetBytes(-3f).CopyTo(retrained, retrained.Length - (4 * ((8 * 3) + (8 * 2) + 8 + 8)));
        File.WriteAllBytes(weights, retrained);
        (status, output) = Dotnet("build");
        Assert.True(status == 0, output);
        string second = Dotnet("bin/Release/net10.0/App.dll", weights).Output;
        Assert.Contains("same as FromSafetensors", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (int Status, string Output) Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (arguments[0] == "build")
        {
            // The solution build already made the referenced projects; no compiler server outlives the test.
            foreach (string option in new[] { "-c", "Release", "-p:BuildProjectReferences=false", "-p:UseSharedCompilation=false", "-nodeReuse:false" })
            {
                start.ArgumentList.Add(option);
            }
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " took over 3 minutes:\n" + output);
        }

        return (process.ExitCode, output + error.Result);
    }
}
