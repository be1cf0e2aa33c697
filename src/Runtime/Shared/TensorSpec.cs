using System.ComponentModel;

namespace RnnGen;

/// <summary>One tensor as a framework stores it: its name, shape and what it holds.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#if RNNGEN_GENERATOR
internal
#else
public
#endif
readonly struct TensorSpec
{
    /// <summary>Describes one framework tensor.</summary>
    public TensorSpec(string name, int[] shape, TensorRole role, int direction)
    {
        Name = name;
        Shape = shape;
        Role = role;
        Direction = direction;
    }

    /// <summary>The framework's name, e.g. <c>recurrent_kernel</c>, <c>weight_hh_l0_reverse</c>, <c>R</c>.</summary>
    public string Name { get; }

    /// <summary>The framework's shape, outermost dimension first.</summary>
    public int[] Shape { get; }

    /// <summary>What the tensor holds.</summary>
    public TensorRole Role { get; }

    /// <summary>0 forward, 1 backward; -1 for ONNX tensors that hold every direction.</summary>
    public int Direction { get; }

    /// <summary>Number of floats (product of the shape).</summary>
    public long Length
    {
        get
        {
            long length = 1;
            foreach (int dimension in Shape)
            {
                length *= dimension;
            }

            return length;
        }
    }

    /// <summary>Shape as text, e.g. <c>[4, 28]</c>.</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
