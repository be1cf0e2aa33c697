using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnGen.Tests.Shared;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>
/// The C# a new user copies first must compile as written: every ```csharp block that README.md or the package's README
/// (src/Runtime/PACKAGE.md) marks with <c>&lt;!-- complete program</c> is built as a console app of `dotnet new console`
/// (implicit usings, nullable, warnings as errors) with the generator, and must give no diagnostic.
/// </summary>
public sealed class ReadmeProgramTests
{
    private const string Marker = "<!-- complete program";

    // What `dotnet new console`'s ImplicitUsings adds.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    public static TheoryData<string, int> Programs()
    {
        var data = new TheoryData<string, int>();
        foreach (string file in new[] { "README.md", "src/Runtime/PACKAGE.md" })
        {
            for (int index = 0; index < Blocks(file).Count; index++)
            {
                data.Add(file, index);
            }
        }

        return data;
    }

    [Fact]
    public void Both_readmes_mark_a_complete_program()
    {
        Assert.NotEmpty(Blocks("README.md"));
        Assert.NotEmpty(Blocks("src/Runtime/PACKAGE.md"));
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void A_marked_program_compiles_as_written(string file, int index)
    {
        string program = Blocks(file)[index];
        CSharpParseOptions options = GeneratorHarness.ParseOptions();
        CSharpCompilation compilation = CSharpCompilation.Create(
            "ReadmeProgram",
            new[] { CSharpSyntaxTree.ParseText(ImplicitUsings, options, "GlobalUsings.cs"), CSharpSyntaxTree.ParseText(program, options, "Program.cs") },
            GeneratorHarness.References,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error));
        GeneratorHarness.CreateDriver(options).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        Diagnostic[] visible = GeneratorHarness.Visible(generatorDiagnostics.AddRange(output.GetDiagnostics()));
        Assert.True(visible.Length == 0, $"{file}, program {index + 1}:\n{GeneratorHarness.Format(visible)}\n\n{program}");
    }

    private static List<string> Blocks(string file)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, file)).ReplaceLineEndings("\n");
        var blocks = new List<string>();
        foreach (Match match in Regex.Matches(text, Regex.Escape(Marker) + @"[^\n]*\n```csharp\n(.*?)\n```", RegexOptions.Singleline))
        {
            blocks.Add(match.Groups[1].Value);
        }

        return blocks;
    }
}
