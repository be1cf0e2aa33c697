using System.ComponentModel;

namespace RnnGen.Kernels;

/// <summary>
/// A layer's sizes as compile-time constants: generated code declares one struct per layer, and the JIT/AOT
/// compiler specialises a kernel per struct, so trip counts and offsets fold into constants.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ILayerSizes
{
    /// <summary>Width of the layer's input vector.</summary>
    static abstract int InputSize { get; }

    /// <summary>Units (per direction).</summary>
    static abstract int Units { get; }
}
