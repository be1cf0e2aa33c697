using System.Text.RegularExpressions;
using RnnGen.Tests.Shared;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Data flows one way in the generator (docs/architecture.md): attributes → Parsing → Model → Emitting, with Weights
/// reading files beside them. Each folder names the folders it may use; a using or a qualified name outside that
/// list fails here, before it becomes a cycle.
/// </summary>
public sealed partial class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> s_allowed = new()
    {
        ["Infrastructure"] = [],
        ["Model"] = ["Infrastructure"],
        ["Diagnostics"] = ["Model"],
        ["Parsing"] = ["Model", "Diagnostics", "Infrastructure"],
        ["Weights"] = ["Model", "Diagnostics", "Infrastructure"],
        ["Emitting"] = ["Model", "Infrastructure", "Weights"],
    };

    [Fact]
    public void EachFolderUsesOnlyTheFoldersBeneathIt()
    {
        string generator = Path.Combine(RepositoryRoot.Path, "src", "Generator");
        var violations = new List<string>();
        int files = 0;
        foreach ((string folder, string[] allowed) in s_allowed)
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(generator, folder), "*.cs", SearchOption.AllDirectories))
            {
                files++;
                string source = File.ReadAllText(file);
                foreach (Match use in GeneratorFolder().Matches(source))
                {
                    string used = use.Groups[1].Value;
                    if (used != folder && !allowed.Contains(used))
                    {
                        violations.Add($"{Path.GetRelativePath(generator, file)} uses {used}");
                    }
                }
            }
        }

        Assert.True(files > 30, "the folders were not found: " + generator);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations.Distinct()));
    }

    // "using RnnGen.Generator.Emitting;", "RnnGen.Generator.Emitting.X" or a qualified "Emitting.ModelEmitter".
    [GeneratedRegex(@"(?:RnnGen\.Generator\.|(?<![\w.]))(Infrastructure|Model|Diagnostics|Parsing|Weights|Emitting)(?:;|\.[A-Z])")]
    private static partial Regex GeneratorFolder();
}
