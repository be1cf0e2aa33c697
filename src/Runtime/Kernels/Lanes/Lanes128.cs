using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using RnnGen.Activations;

namespace RnnGen.Kernels.Lanes;

/// <summary>4 floats in a Vector128 (SSE on x64, NEON/AdvSimd on ARM64).</summary>
public readonly struct Lanes128 : ILanes<Lanes128>
{
    private readonly Vector128<float> _value;

    private Lanes128(Vector128<float> value) => _value = value;

    /// <inheritdoc/>
    public static int Count => 4;

    /// <inheritdoc/>
    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Broadcast(float value) => new(Vector128.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Load(ref float source, nuint offset) => new(Vector128.LoadUnsafe(ref source, offset));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes128 value, ref float destination, nuint offset) => value._value.StoreUnsafe(ref destination, offset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 MultiplyAdd(Lanes128 a, Lanes128 b, Lanes128 c) => new(VectorMath.MultiplyAdd(a._value, b._value, c._value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Add(Lanes128 a, Lanes128 b) => new(a._value + b._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Subtract(Lanes128 a, Lanes128 b) => new(a._value - b._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Multiply(Lanes128 a, Lanes128 b) => new(a._value * b._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Activate<TActivation>(Lanes128 x)
        where TActivation : struct, IElementwiseActivation => new(TActivation.Invoke(x._value));
}
