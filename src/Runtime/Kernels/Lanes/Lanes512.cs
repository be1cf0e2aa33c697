using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using RnnGen.Activations;

namespace RnnGen.Kernels.Lanes;

/// <summary>16 floats in a Vector512 (AVX-512).</summary>
public readonly struct Lanes512 : ILanes<Lanes512>
{
    private readonly Vector512<float> _value;

    private Lanes512(Vector512<float> value) => _value = value;

    /// <inheritdoc/>
    public static int Count => 16;

    /// <inheritdoc/>
    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Broadcast(float value) => new(Vector512.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Load(ref float source, nuint offset) => new(Vector512.LoadUnsafe(ref source, offset));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes512 value, ref float destination, nuint offset) => value._value.StoreUnsafe(ref destination, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 MultiplyAdd(Lanes512 a, Lanes512 b, Lanes512 c) => new(VectorMath.MultiplyAdd(a._value, b._value, c._value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Add(Lanes512 a, Lanes512 b) => new(a._value + b._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Subtract(Lanes512 a, Lanes512 b) => new(a._value - b._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Multiply(Lanes512 a, Lanes512 b) => new(a._value * b._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Activate<TActivation>(Lanes512 x)
        where TActivation : struct, IElementwiseActivation => new(TActivation.Invoke(x._value));
}
