using System.Runtime.Intrinsics;

namespace RnnGen.Kernels.Lanes;

/// <summary>
/// One SIMD register of floats at a fixed width, so one kernel source serves every width: the JIT/AOT
/// compiler specialises each kernel per implementing struct (a single-field struct that lives in a register).
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface ILanes<TSelf>
    where TSelf : struct, ILanes<TSelf>
{
    /// <summary>Floats per register.</summary>
    static abstract int Count { get; }

    /// <summary>Whether this width runs in hardware here (false: correct, but emulated and slow).</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>Every lane = <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(float value);

    /// <summary>Loads <see cref="Count"/> floats at <paramref name="source"/> + <paramref name="offset"/>.</summary>
    static abstract TSelf Load(ref float source, nuint offset);

    /// <summary>Stores the lanes at <paramref name="destination"/> + <paramref name="offset"/>.</summary>
    static abstract void Store(TSelf value, ref float destination, nuint offset);

    /// <summary>a·b + c, fused where the hardware can.</summary>
    static abstract TSelf MultiplyAdd(TSelf a, TSelf b, TSelf c);

    /// <summary>a + b.</summary>
    static abstract TSelf Add(TSelf a, TSelf b);

    /// <summary>a − b.</summary>
    static abstract TSelf Subtract(TSelf a, TSelf b);

    /// <summary>a · b.</summary>
    static abstract TSelf Multiply(TSelf a, TSelf b);

    /// <summary>The activation applied to every lane.</summary>
    static abstract TSelf Activate<TActivation>(TSelf x)
        where TActivation : struct, Activations.IElementwiseActivation;
}
