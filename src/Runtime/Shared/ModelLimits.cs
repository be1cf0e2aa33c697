using System.ComponentModel;

namespace RnnGen;

/// <summary>Size limits the generator enforces and generated code relies on.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#if RNNGEN_GENERATOR
internal
#else
public
#endif
static class ModelLimits
{
    /// <summary>Largest input size or unit count of one layer.</summary>
    public const int MaxWidth = 65536;

    /// <summary>Largest recurrent state (all layers, all directions, h and c) in floats: it lives inline in the State struct, on the caller's stack.</summary>
    public const int MaxStateFloats = 65536;

    /// <summary>Scratch up to this many floats comes from the stack; more comes from native memory.</summary>
    public const int StackScratchFloats = 16384;
}
