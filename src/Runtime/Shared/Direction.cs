namespace RnnGen;

/// <summary>Which way a recurrent layer reads its input sequence.</summary>
#if RNNGEN_GENERATOR
internal
#else
public
#endif
enum Direction
{
    /// <summary>First step to last.</summary>
    Forward = 0,

    /// <summary>Last step to first (Keras <c>go_backwards=True</c>); a returned sequence is in processing order.</summary>
    Backward = 1,

    /// <summary>Both ways, halves aligned to input time and merged by <see cref="MergeMode"/> (Keras <c>Bidirectional</c>).</summary>
    Bidirectional = 2,
}
