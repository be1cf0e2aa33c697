using System;
using System.Globalization;
using System.Text;

namespace RnnGen.Generator.Infrastructure;

/// <summary>Writes indented C#; numbers always in the invariant culture.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.IndexOf('\n') >= 0)
        {
            foreach (string part in line.Split('\n'))
            {
                Line(part);
            }

            return this;
        }

        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>Writes a block: the header, braces, and what <paramref name="body"/> writes inside.</summary>
    public SourceWriter Block(string header, Action body)
    {
        Open(header);
        body();
        return Close();
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A float literal that round-trips (nine significant digits), e.g. <c>0.300000012f</c>.</summary>
    public static string Float(float value) => value.ToString("G9", CultureInfo.InvariantCulture) + "f";

    /// <summary>A C# string literal.</summary>
    public static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public override string ToString() => _text.ToString();
}
