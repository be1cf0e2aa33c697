namespace RnnGen;

/// <summary>How a bidirectional layer combines its forward and backward outputs (Keras <c>merge_mode</c>).</summary>
#if RNNGEN_GENERATOR
internal
#else
public
#endif
enum MergeMode
{
    /// <summary>[forward, backward]: twice the units (Keras "concat", PyTorch).</summary>
    Concat = 0,

    /// <summary>forward + backward (Keras "sum").</summary>
    Sum = 1,

    /// <summary>forward · backward, element-wise (Keras "mul").</summary>
    Multiply = 2,

    /// <summary>(forward + backward) / 2 (Keras "ave").</summary>
    Average = 3,
}
