using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RnnGen.Generator.Infrastructure;

namespace RnnGen.Generator.Model;

/// <summary>A diagnostic without Roslyn objects that would keep a compilation alive: location as path and spans.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, string? FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
    {
        FileLinePositionSpan? line = location?.GetLineSpan();
        return new DiagnosticInfo(descriptor, location?.SourceTree?.FilePath, location?.SourceSpan ?? default, line?.Span ?? default, arguments.ToEquatableArray());
    }

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor, location?.FilePath, location?.Span ?? default, location?.LineSpan ?? default, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        Location location = FilePath is null ? Location.None : Location.Create(FilePath, Span, LineSpan);
        return Diagnostic.Create(Descriptor, location, System.Linq.Enumerable.ToArray<object>(Arguments));
    }
}

/// <summary>
/// What parsing one model gives: the model when it can be generated, and its diagnostics; for a model refused by its
/// layers, options or compiler (not by the shape of its type), what the stand-in members need (see RefusedModelEmitter).
/// </summary>
internal sealed record ParseResult(ModelSpec? Model, EquatableArray<DiagnosticInfo> Diagnostics, RefusedModel? Refused = null);
