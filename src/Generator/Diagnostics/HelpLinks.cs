using System.Reflection;

namespace RnnGen.Generator.Diagnostics;

/// <summary>
/// Where each diagnostic's page is: <c>docs/diagnostics/RNNG00NN.md</c> in the repository named by the generator's
/// <c>RepositoryUrl</c> assembly metadata, which the project file copies from Directory.Build.props, so the address
/// is written once. A type of its own so the link base is read before any descriptor is built, whatever their order.
/// </summary>
internal static class HelpLinks
{
    private static readonly string? s_pages = PagesFolder();

    /// <summary>The page of <paramref name="id"/>, or null (no link) when the assembly names no repository.</summary>
    public static string? For(string id) => s_pages is null ? null : s_pages + id + ".md";

    private static string? PagesFolder()
    {
        foreach (object attribute in typeof(HelpLinks).Assembly.GetCustomAttributes(typeof(AssemblyMetadataAttribute), inherit: false))
        {
            if (attribute is AssemblyMetadataAttribute { Key: "RepositoryUrl", Value: { } url } && !string.IsNullOrWhiteSpace(url))
            {
                return url.Trim().TrimEnd('/') + "/blob/main/docs/diagnostics/";
            }
        }

        return null;
    }
}
