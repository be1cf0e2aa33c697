using System;

namespace Iot;

/// <summary>The model's output classes, in training/train.py's order (and the label column's spelling).</summary>
internal static class Gestures
{
    public static readonly string[] Names = ["idle", "shake", "tilt-left", "tilt-right", "circle"];

    /// <summary>Label value for rows without a known gesture (empty or "unknown" in a recording).</summary>
    public const sbyte Unlabelled = -1;

    /// <summary>The index of a gesture name, <see cref="Unlabelled"/> for "" or "unknown", or -2 for anything else.</summary>
    public static int IndexOf(ReadOnlySpan<char> name)
    {
        name = name.Trim();
        if (name.IsEmpty || name.SequenceEqual("unknown"))
        {
            return Unlabelled;
        }

        for (int i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                return i;
            }
        }

        return -2;
    }
}
