using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;

namespace Iot.Recordings;

/// <summary>Reads a recording (CSV, or CSV.gz like the training data) and refuses a bad one with its line number.</summary>
internal static class RecordingReader
{
    public static Recording Load(string path)
    {
        using Stream file = File.OpenRead(path);
        using Stream text = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(text);
        return Parse(reader, Path.GetFileName(path));
    }

    /// <summary>Parses the header and every row; throws <see cref="RecordingFormatException"/> naming the first bad line.</summary>
    public static Recording Parse(TextReader reader, string name)
    {
        string? header = reader.ReadLine();
        if (header is null || !header.Trim().StartsWith(RecordingFormat.Header[..RecordingFormat.Header.LastIndexOf(',')], StringComparison.Ordinal))
        {
            throw new RecordingFormatException($"{name} line 1: expected the header '{RecordingFormat.Header}', found '{header}'");
        }

        var samples = new List<float>();
        var labels = new List<sbyte>();
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split(',');
            if (fields.Length is < 7 or > 8)
            {
                throw new RecordingFormatException($"{name} line {lineNumber}: {fields.Length} columns, expected 7 or 8 ({RecordingFormat.Header})");
            }

            for (int column = 1; column <= 6; column++)
            {
                if (!float.TryParse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
                {
                    throw new RecordingFormatException($"{name} line {lineNumber}: '{fields[column]}' in column {RecordingFormat.Columns[column]} is not a finite number");
                }

                samples.Add(value);
            }

            int label = fields.Length == 8 ? Gestures.IndexOf(fields[7]) : Gestures.Unlabelled;
            if (label == -2)
            {
                throw new RecordingFormatException($"{name} line {lineNumber}: unknown label '{fields[7]}' (expected {string.Join(", ", Gestures.Names)}, unknown or nothing)");
            }

            labels.Add((sbyte)label);
        }

        if (labels.Count == 0)
        {
            throw new RecordingFormatException($"{name}: no samples after the header");
        }

        return new Recording(samples.ToArray(), labels.ToArray(), labels.Count);
    }
}
