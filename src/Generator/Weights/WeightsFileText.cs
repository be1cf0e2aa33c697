using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace RnnGen.Generator.Weights;

/// <summary>
/// One weights file as the compiler hands it over. Roslyn reads AdditionalFiles only as text (a binary file is error
/// CS2015), so RnnGen.Weights.targets writes each <c>.safetensors</c> item as base64 into obj/ and passes that instead,
/// naming the original in item metadata.
/// </summary>
internal sealed record WeightsFileText(string SourcePath, string Base64)
{
    /// <summary>What RnnGen.Weights.targets appends to the encoded copies' names.</summary>
    public const string Suffix = ".safetensors.base64";

    /// <summary>The item metadata (made visible to the compiler by the targets) holding the original file's full path.</summary>
    public const string SourceMetadata = "build_metadata.AdditionalFiles.RnnGenWeightsSource";

    public static bool IsWeightsFile(AdditionalText text) => text.Path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    public static WeightsFileText Read(AdditionalText text, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        string source = options.TryGetValue(SourceMetadata, out string? original) && !string.IsNullOrWhiteSpace(original)
            ? original
            : text.Path.Substring(0, text.Path.Length - ".base64".Length);
        return new WeightsFileText(source, text.GetText(cancellationToken)?.ToString() ?? string.Empty);
    }

    /// <summary>Whether this is the file <c>Weights = <paramref name="requested"/></c> names: its path ends with it, folder by folder.</summary>
    public bool Matches(string requested)
    {
        string path = Normalize(SourcePath);
        string wanted = Normalize(requested).TrimStart('.', '/');
        return wanted.Length > 0 && (path == wanted || path.EndsWith("/" + wanted, StringComparison.Ordinal));
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
