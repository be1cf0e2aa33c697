using System.Runtime.CompilerServices;
using RnnGen.Activations;

namespace RnnGen.Kernels.Lanes;

/// <summary>One float: the scalar path, for CPUs (or settings such as DOTNET_EnableHWIntrinsic=0) without SIMD.</summary>
public readonly struct Lanes1 : ILanes<Lanes1>
{
    private readonly float _value;

    private Lanes1(float value) => _value = value;

    /// <inheritdoc/>
    public static int Count => 1;

    /// <inheritdoc/>
    public static bool IsHardwareAccelerated => true;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Broadcast(float value) => new(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Load(ref float source, nuint offset) => new(Unsafe.Add(ref source, offset));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lanes1 value, ref float destination, nuint offset) => Unsafe.Add(ref destination, offset) = value._value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 MultiplyAdd(Lanes1 a, Lanes1 b, Lanes1 c) => new((a._value * b._value) + c._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Add(Lanes1 a, Lanes1 b) => new(a._value + b._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Subtract(Lanes1 a, Lanes1 b) => new(a._value - b._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Multiply(Lanes1 a, Lanes1 b) => new(a._value * b._value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes1 Activate<TActivation>(Lanes1 x)
        where TActivation : struct, IElementwiseActivation => new(TActivation.Invoke(x._value));
}
