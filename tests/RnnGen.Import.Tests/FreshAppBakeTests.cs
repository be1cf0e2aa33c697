using System.Diagnostics;
using System.Text;
using RnnGen.Tests.Shared;
using Xunit;
using Xunit.Abstractions;

namespace RnnGen.Import.Tests;

/// <summary>
/// The user's path for every file a real exporter wrote: <c>rnngen import FILE -o NAME.safetensors --name TYPE</c>, the
/// printed declaration pasted as is into a fresh console app that lists the file only as <c>AdditionalFiles</c> and
/// bakes it, a real <c>dotnet build</c> with warnings as errors, then each baked <c>Default</c> run from
/// <c>NewState()</c> on the file's reference input, against the framework's output.
/// </summary>
public sealed class FreshAppBakeTests(ITestOutputHelper output) : IDisposable
{
    private const double Tolerance = 1e-5;

    /// <summary>The files the exporter tools wrote, each with the type name the app declares for it.</summary>
    public static readonly (string File, string Type)[] Files =
    {
        ("bare_lstm.safetensors", "BareLstm"), ("bare_gru_two_layers.safetensors", "BareGruTwoLayers"),
        ("bare_rnn_nobias.safetensors", "BareRnnNobias"), ("bare_lstm_bidir.safetensors", "BareLstmBidir"),
        ("bare_gru_bidir_two_layers_nobias.safetensors", "BareGruBidirTwoLayersNobias"), ("bare_linear.safetensors", "BareLinear"),
        ("torch_json_lstm_stack.json", "TorchJsonLstmStack"), ("torch_json_gru_fc.json", "TorchJsonGruFc"),
        ("torch_json_order.json", "TorchJsonOrder"), ("nam_lstm.nam", "NamLstm"), ("nam_lstm_two_layers.nam", "NamLstmTwoLayers"),
        ("nam_lstm_three_layers_in2.nam", "NamLstmThreeLayersIn2"), ("rtneural_torch_lstm.json", "RtNeuralTorchLstm"),
        ("rtneural_torch_gru.json", "RtNeuralTorchGru"), ("rtneural_td_dense_lstm.json", "RtNeuralTdDenseLstm"),
        ("rtneural_td_dense_gru.json", "RtNeuralTdDenseGru"), ("rtneural_dense_stack.json", "RtNeuralDenseStack"),
        ("rtneural_lstm_activation.json", "RtNeuralLstmActivation"), ("keras2_activations.h5", "Keras2Activations"),
        ("keras3_activations.keras", "Keras3Activations"),
    };

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rnngen-fresh-app-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Every_exporter_file_imported_pasted_and_baked_reproduces_its_framework()
    {
        foreach (string folder in new[] { "weights", "inputs", "outputs" })
        {
            Directory.CreateDirectory(Path.Combine(_directory, folder));
        }

        var declarations = new StringBuilder();
        var runs = new StringBuilder();
        var additionalFiles = new StringBuilder();
        foreach ((string file, string type) in Files)
        {
            string name = Path.GetFileNameWithoutExtension(file);
            var arguments = new List<string> { "import", TestFiles.Data(file), "-o", Path.Combine(_directory, "weights", name + ".safetensors"), "--name", type };
            if (name == "torch_json_order")
            {
                arguments.AddRange(new[] { "--order", string.Join(",", ExporterFileTests.ExpectedOrder(name)) });
            }

            (int code, string stdout, string stderr) = CliTests.Run(arguments.ToArray());
            Assert.True(code == 0, $"rnngen import {file}: {stderr}");
            declarations.Append(Pasted(stdout)).Append('\n');
            additionalFiles.Append($"    <AdditionalFiles Include=\"weights/{name}.safetensors\" />\n");
            WriteFloats(Path.Combine(_directory, "inputs", name + ".f32"), Expected.Load(name).Input);
            runs.Append($"Run(\"{name}\", {type}.InputSize, input => {{ var model = {type}.Default; var state = model.NewState(); var y = new float[{type}.OutputLength(input.Length / {type}.InputSize)]; model.Run(input, ref state, y); return y; }});\n");
        }

        File.WriteAllText(Path.Combine(_directory, "App.csproj"), Project(additionalFiles.ToString()));
        File.WriteAllText(Path.Combine(_directory, "Program.cs"), Program(runs.ToString(), declarations.ToString()));
        (int status, string built) = Dotnet("build", "-c", "Release", "-p:BuildProjectReferences=false", "-p:UseSharedCompilation=false", "-nodeReuse:false");
        Assert.True(status == 0, built);
        (int ran, string printed) = Dotnet("bin/Release/net10.0/App.dll", _directory);
        Assert.True(ran == 0, printed);

        var failures = new List<string>();
        foreach ((string file, _) in Files)
        {
            string name = Path.GetFileNameWithoutExtension(file);
            Expected expected = Expected.Load(name);
            float[] actual = ReadFloats(Path.Combine(_directory, "outputs", name + ".f32"));
            double error = actual.Length == expected.Output.Length ? expected.Output.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max() : double.PositiveInfinity;
            output.WriteLine($"{file}: {expected.TimeSteps} steps, baked Default max |error| {error:E2}");
            if (!(error <= Tolerance))
            {
                failures.Add($"{file}: max |error| {error:E2} ({actual.Length} outputs, expected {expected.Output.Length})");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>The lines a user pastes: from the [RnnModel] attribute through the type declaration.</summary>
    private static string Pasted(string stdout)
    {
        string[] lines = stdout.ReplaceLineEndings("\n").Split('\n');
        int first = Array.FindIndex(lines, l => l.StartsWith("[RnnModel(", StringComparison.Ordinal));
        int last = Array.FindIndex(lines, l => l.StartsWith("public partial class ", StringComparison.Ordinal));
        Assert.True(first >= 0 && last > first, "rnngen printed no declaration:\n" + stdout);
        return string.Join("\n", lines[first..(last + 1)]);
    }

    private static string Project(string additionalFiles)
    {
        string repository = RepositoryRoot.Path;
        return $"""
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
            {additionalFiles}  </ItemGroup>
              <Import Project="{repository}/src/Generator/RnnGen.Weights.targets" />
            </Project>
            """;
    }

    private static string Program(string runs, string declarations) => $$"""
        using RnnGen;

        // Runs every baked model on inputs/NAME.f32 and writes outputs/NAME.f32 (little-endian float32).
        string directory = args[0];
        {{runs}}
        void Run(string name, int inputSize, Func<float[], float[]> model)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(directory, "inputs", name + ".f32"));
            float[] input = new float[bytes.Length / 4];
            Buffer.BlockCopy(bytes, 0, input, 0, bytes.Length);
            float[] output = model(input);
            byte[] written = new byte[output.Length * 4];
            Buffer.BlockCopy(output, 0, written, 0, written.Length);
            File.WriteAllBytes(Path.Combine(directory, "outputs", name + ".f32"), written);
        }

        // Pasted exactly as `rnngen import` printed them:
        {{declarations}}
        """;

    private static void WriteFloats(string path, float[] values)
    {
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        File.WriteAllBytes(path, bytes);
    }

    private static float[] ReadFloats(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }

    private (int Status, string Output) Dotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string text = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " took over 5 minutes:\n" + text);
        }

        return (process.ExitCode, text + error.Result);
    }
}
