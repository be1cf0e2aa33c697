namespace RnnGen.Generator.Emitting.Layers;

/// <summary>One vector per stream inside a span: stream s's at s × <see cref="Stride"/> + offset (StepBatch's data).</summary>
internal sealed class BatchRows(string span, int offset, string stride)
{
    public string Span => span;

    public string Stride => stride;

    /// <summary>The span from stream 0's vector on, as batched kernels take it.</summary>
    public string All => offset == 0 ? span : $"{span}.Slice({offset})";

    /// <summary>Stream <c>stream</c>'s vector of <paramref name="width"/> floats.</summary>
    public string Of(int width) => offset == 0
        ? $"{span}.Slice(stream * {stride}, {width})"
        : $"{span}.Slice((stream * {stride}) + {offset}, {width})";
}
