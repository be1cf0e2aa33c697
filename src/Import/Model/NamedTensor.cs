namespace RnnGen.Import;

/// <summary>A tensor ready to write: its name in the chosen layout, shape (outermost first) and values.</summary>
public sealed record NamedTensor(string Name, int[] Shape, float[] Values)
{
    /// <summary>The shape as text, e.g. <c>[80, 2]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
