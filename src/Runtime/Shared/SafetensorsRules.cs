namespace RnnGen;

/// <summary>
/// What a safetensors tensor entry must satisfy for RnnGen: the dtypes it reads and how a shape, a dtype and a byte
/// range agree. One definition for the runtime's reader (<c>SafetensorsFile</c>) and the generator's build-time reader
/// (<c>SafetensorsContent</c>), so a file is refused at build time exactly when it would be refused at run time.
/// </summary>
internal static class SafetensorsRules
{
    /// <summary>Bytes per element of the dtypes RnnGen reads (F32, F16, BF16); 0 for any other.</summary>
    public static int ElementSize(string dtype) => dtype switch
    {
        "F32" => 4,
        "F16" or "BF16" => 2,
        _ => 0,
    };

    /// <summary>What is wrong with a dtype <see cref="ElementSize"/> gives 0 for, to follow the tensor's name.</summary>
    public static string UnsupportedDtype(string dtype) => $"has dtype {dtype}; RnnGen reads F32, F16 and BF16";

    /// <summary>
    /// Null when the entry's byte range [<paramref name="begin"/>, <paramref name="end"/>) lies in the
    /// <paramref name="dataLength"/> data bytes and holds exactly its shape's elements; else what is wrong, to follow
    /// the tensor's name. Call it only for a dtype <see cref="ElementSize"/> accepts.
    /// </summary>
    public static string? RangeProblem(string dtype, int[] shape, long begin, long end, long dataLength)
    {
        if (begin < 0 || end < begin || end > dataLength)
        {
            return $"has data_offsets [{begin}, {end}] outside the {dataLength} data bytes of the file";
        }

        // Capped just above what the file could hold, so the product cannot overflow whatever the shape claims.
        long elements = 1;
        foreach (int dimension in shape)
        {
            elements = System.Math.Min(elements * dimension, dataLength + 1);
        }

        long bytes = elements * ElementSize(dtype);
        return bytes == end - begin
            ? null
            : $"has shape [{string.Join(", ", shape)}] of {dtype} ({(elements > dataLength ? "more than the file holds" : bytes + " bytes")}) but data_offsets [{begin}, {end}] span {end - begin} bytes";
    }
}
