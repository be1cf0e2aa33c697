using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Activations;

/// <summary>Applies an element-wise activation over a span with the widest accelerated vectors, the rest one by one.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ElementwiseDriver
{
    /// <summary>values[i] = TActivation(values[i]) for every i.</summary>
    public static void Apply<TActivation>(Span<float> values)
        where TActivation : struct, IElementwiseActivation
    {
        ref float start = ref MemoryMarshal.GetReference(values);
        int length = values.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= length - 16; i += 16)
            {
                TActivation.Invoke(Vector512.LoadUnsafe(ref start, (nuint)i)).StoreUnsafe(ref start, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= length - 8; i += 8)
            {
                TActivation.Invoke(Vector256.LoadUnsafe(ref start, (nuint)i)).StoreUnsafe(ref start, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= length - 4; i += 4)
            {
                TActivation.Invoke(Vector128.LoadUnsafe(ref start, (nuint)i)).StoreUnsafe(ref start, (nuint)i);
            }
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref start, i) = TActivation.Invoke(Unsafe.Add(ref start, i));
        }
    }
}
