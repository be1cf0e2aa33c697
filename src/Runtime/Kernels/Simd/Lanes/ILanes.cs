using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace RnnGen.Kernels.Lanes;

/// <summary>
/// The operations kernels need on one SIMD register of floats, at a fixed width, so one kernel source serves
/// every width: kernels are generic over the implementing struct and its register type
/// <typeparamref name="TVector"/> (Vector128/256/512&lt;float&gt;, or float), and the JIT/AOT compiler specialises
/// them per width. Kernel locals are the register type itself, never a wrapper struct, so they stay in
/// registers (a wrapper was seen spilled to the stack after every FMA).
/// </summary>
/// <typeparam name="TVector">The register type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ILanes<TVector>
    where TVector : struct
{
    /// <summary>Floats per register.</summary>
    static abstract int Count { get; }

    /// <summary>Whether this width runs in hardware here (false: correct, but emulated and slow).</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>Every lane = <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(float value);

    /// <summary>Loads <see cref="Count"/> floats at <paramref name="source"/> + <paramref name="offset"/>.</summary>
    static abstract TVector Load(ref float source, nuint offset);

    /// <summary>Stores the lanes at <paramref name="destination"/> + <paramref name="offset"/>.</summary>
    static abstract void Store(TVector value, ref float destination, nuint offset);

    /// <summary>a·b + c, fused where the hardware can.</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>
    /// How many consecutive matrix rows one <see cref="LoadRows"/> brings, each multiplied from its own lane by
    /// <see cref="MultiplyAddRow"/>: 4 on arm64's 128-bit path, whose FMLA multiplies by one lane of a register (four rows
    /// then cost one load instead of four load-and-broadcasts), else 1.
    /// </summary>
    static abstract int RowsPerLoad { get; }

    /// <summary>The values of rows <paramref name="source"/> … + <see cref="RowsPerLoad"/> − 1, one per lane (one row: in every lane).</summary>
    static abstract TVector LoadRows(ref float source);

    /// <summary>
    /// <paramref name="sum"/> + <paramref name="weights"/> · the row value in lane <paramref name="lane"/> of
    /// <paramref name="rows"/> (from <see cref="LoadRows"/>, or <see cref="Broadcast"/> with lane 0), rounded as
    /// <see cref="MultiplyAdd"/> rounds, so a kernel gives the same bits whichever way it feeds its rows.
    /// </summary>
    static abstract TVector MultiplyAddRow(TVector weights, TVector rows, [ConstantExpected(Max = 3)] byte lane, TVector sum);

    /// <summary>a + b.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary>a − b.</summary>
    static abstract TVector Subtract(TVector a, TVector b);

    /// <summary>a · b.</summary>
    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary>Every lane limited to [<paramref name="low"/>, <paramref name="high"/>]; NaN lanes may come out as either bound (see <see cref="KeepNaN"/>).</summary>
    static abstract TVector Clamp(TVector x, float low, float high);

    /// <summary>n / d, by reciprocal estimate and Newton steps where that is faster (<see cref="VectorMath"/>).</summary>
    static abstract TVector Divide(TVector n, TVector d);

    /// <summary><paramref name="result"/>, except NaN where <paramref name="x"/> is NaN.</summary>
    static abstract TVector KeepNaN(TVector x, TVector result);

    /// <summary>The activation applied to every lane.</summary>
    static abstract TVector Activate<TActivation>(TVector x)
        where TActivation : struct, Activations.IElementwiseActivation;
}
