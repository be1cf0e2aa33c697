using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using RnnGen.Activations;

namespace RnnGen.Kernels.Lanes;

/// <summary>8 floats in a Vector256 (AVX2 + FMA).</summary>
public readonly struct Lanes256 : ILanes<Lanes256>
{
    private readonly Vector256<float> _value;

    private Lanes256(Vector256<float> value) => _value = value;

    /// <inheritdoc/>
    public static int Count => 8;

    /// <inheritdoc/>
    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Broadcast(float value) => new(Vector256.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Load(ref float source, nuint offset) => new(Vector256.LoadUnsafe(ref source, offset));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes256 value, ref float destination, nuint offset) => value._value.StoreUnsafe(ref destination, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 MultiplyAdd(Lanes256 a, Lanes256 b, Lanes256 c) => new(VectorMath.MultiplyAdd(a._value, b._value, c._value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Add(Lanes256 a, Lanes256 b) => new(a._value + b._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Subtract(Lanes256 a, Lanes256 b) => new(a._value - b._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Multiply(Lanes256 a, Lanes256 b) => new(a._value * b._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes256 Activate<TActivation>(Lanes256 x)
        where TActivation : struct, IElementwiseActivation => new(TActivation.Invoke(x._value));
}
