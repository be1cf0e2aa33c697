using System.Collections.Generic;

namespace RnnGen.Import;

/// <summary>
/// A layer (or graph node) as the source file describes it, whether or not RnnGen supports it: what
/// <c>rnngen inspect</c> lists.
/// </summary>
/// <param name="Name">Name in the file.</param>
/// <param name="Type">The framework's type, e.g. <c>Conv1D</c>, <c>LSTM</c>, <c>Gemm</c>.</param>
/// <param name="Tensors">Its stored weights, name and shape.</param>
/// <param name="Problem">Why it cannot be imported, or null.</param>
public sealed record SourceLayer(string Name, string Type, IReadOnlyList<(string Name, long[] Shape)> Tensors, string? Problem)
{
    /// <summary>Stored values, as the framework counts parameters.</summary>
    public long ParameterCount
    {
        get
        {
            long count = 0;
            foreach ((string _, long[] shape) in Tensors)
            {
                long product = 1;
                foreach (long dimension in shape)
                {
                    product *= dimension;
                }

                count += product;
            }

            return count;
        }
    }
}
