using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using RnnGen.Tests.Shared;
using Xunit;

namespace RnnGen.Generator.Tests;

/// <summary>
/// docs/diagnostics: every descriptor's help link (the IDE's link on an RNNG id) is its page under the repository's
/// address from Directory.Build.props, the page exists and is about that id, the index lists it, and no page is left
/// behind for an id that no descriptor has. Each test lists every problem it finds, by id.
/// </summary>
public sealed class DiagnosticDocsTests
{
    private static readonly string s_root = RepositoryRoot.Path;
    private static readonly string s_pages = Path.Combine(s_root, "docs", "diagnostics");
    private static readonly DiagnosticDescriptor[] s_descriptors = Descriptors();

    [Fact]
    public void The_descriptors_are_found()
    {
        Assert.True(s_descriptors.Length > 20, $"only {s_descriptors.Length} descriptors found by reflection");
        Assert.Equal(s_descriptors.Length, s_descriptors.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(s_descriptors, d => Assert.Matches(@"^RNNG\d{4}$", d.Id));
    }

    [Fact]
    public void Every_descriptor_links_to_its_page_in_the_repository()
    {
        string repositoryUrl = XDocument.Load(Path.Combine(s_root, "Directory.Build.props")).Descendants("RepositoryUrl").Single().Value;
        Assert.StartsWith("https://", repositoryUrl, StringComparison.Ordinal);

        AssertNone(
            from d in s_descriptors
            let expected = $"{repositoryUrl}/blob/main/docs/diagnostics/{d.Id}.md"
            where d.HelpLinkUri != expected
            select $"{d.Id}: helpLinkUri is '{d.HelpLinkUri}', expected '{expected}'");
    }

    [Fact]
    public void Every_descriptor_has_a_page_titled_with_its_id_title_and_severity()
    {
        var problems = new List<string>();
        foreach (DiagnosticDescriptor d in s_descriptors)
        {
            string page = Path.Combine(s_pages, d.Id + ".md");
            if (!File.Exists(page))
            {
                problems.Add($"{d.Id}: {page} is missing");
                continue;
            }

            string[] lines = File.ReadAllLines(page);
            string title = $"# {d.Id}: {d.Title.ToString(CultureInfo.InvariantCulture)}";
            if (lines.Length == 0 || lines[0] != title)
            {
                problems.Add($"{d.Id}: the page's first line is '{lines.FirstOrDefault()}', expected '{title}'");
            }

            if (!lines.Contains($"Severity: **{d.DefaultSeverity}**"))
            {
                problems.Add($"{d.Id}: the page has no line 'Severity: **{d.DefaultSeverity}**'");
            }
        }

        AssertNone(problems);
    }

    [Fact]
    public void The_index_links_every_id_and_no_other()
    {
        string index = File.ReadAllText(Path.Combine(s_pages, "README.md"));
        var ids = s_descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        AssertNone(
            from d in s_descriptors
            let row = $"| [{d.Id}]({d.Id}.md) | {d.DefaultSeverity} |"
            where !index.Contains(row, StringComparison.Ordinal)
            select $"README.md has no row starting '{row}'");
        AssertNone(Regex.Matches(index, @"RNNG\d{4}").Select(m => m.Value).Where(id => !ids.Contains(id)).Distinct().Select(id => $"README.md lists {id}, which no descriptor has"));
    }

    [Fact]
    public void No_page_for_an_id_without_a_descriptor()
    {
        var ids = s_descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        AssertNone(
            from page in Directory.GetFiles(s_pages, "*.md")
            let name = Path.GetFileNameWithoutExtension(page)
            where name != "README" && !ids.Contains(name)
            select $"{page} has no descriptor");
    }

    /// <summary>xUnit shortens a collection's items; this prints every problem whole, one a line.</summary>
    private static void AssertNone(IEnumerable<string> problems)
    {
        string[] all = problems.ToArray();
        Assert.True(all.Length == 0, string.Join(Environment.NewLine, all));
    }

    private static DiagnosticDescriptor[] Descriptors() =>
        typeof(RnnGenerator).Assembly
            .GetType("RnnGen.Generator.Diagnostics.DiagnosticDescriptors", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToArray();
}
