using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RnnGen.Generator.Model;

/// <summary>A source location as plain data (path and spans), so a pipeline model can point at it without holding a syntax tree.</summary>
internal sealed record LocationInfo(string? FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null)
        {
            return null;
        }

        FileLinePositionSpan line = location.GetLineSpan();
        return new LocationInfo(location.SourceTree?.FilePath, location.SourceSpan, line.Span);
    }

    public Location ToLocation() => FilePath is null ? Location.None : Location.Create(FilePath, Span, LineSpan);
}
