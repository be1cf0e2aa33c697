namespace RnnGen.Import;

/// <summary>A tensor as a source file stores it: its name there, shape (outermost first) and float32 values.</summary>
public sealed record RawTensor(string Name, long[] Shape, float[] Values)
{
    /// <summary>The shape as text, e.g. <c>[16, 144]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";

    /// <summary>The shape as an inspect entry.</summary>
    public (string Name, long[] Shape) Entry => (Name, Shape);
}
