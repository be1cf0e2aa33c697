namespace RnnGen.Kernels;

/// <summary>Whether a kernel step starts from the input vector or from a precomputed input projection.</summary>
internal interface IStepMode
{
    static abstract bool Projected { get; }
}

/// <summary>The step multiplies the input rows itself (Step).</summary>
internal readonly struct FromInput : IStepMode
{
    public static bool Projected => false;
}

/// <summary>The input half was projected ahead for a chunk of steps (Run).</summary>
internal readonly struct FromProjection : IStepMode
{
    public static bool Projected => true;
}
