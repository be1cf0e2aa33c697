using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using RnnGen.Kernels.Lanes;

namespace RnnGen.Kernels;

/// <summary>
/// The matrix part of a lane kernel: adds <c>count</c> rows of packed weights (<see cref="Weights.LanePacking"/>: per row,
/// <c>gates</c> registers side by side) times their row values to a block's gate sums, in row order. Rows come
/// <see cref="ILanes{TVector}.RowsPerLoad"/> at a time (four per load on arm64, multiplied by lane), the rest one by one;
/// either way every sum receives the same products in the same order, so the result does not depend on the width of the
/// loads. One definition for every kernel: LSTM passes four sums per block, GRU three (the fourth is not touched).
/// </summary>
internal static class RowSums<TLanes, TVector>
    where TLanes : struct, ILanes<TVector>
    where TVector : struct
{
    /// <summary>Adds rows to two blocks at once (eight independent FMA chains for LSTM, six for GRU), from two weight streams.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddToPair(
        int gates, ref float row0, ref float row1, ref float values, int count,
        ref TVector a0, ref TVector b0, ref TVector c0, ref TVector d0,
        ref TVector a1, ref TVector b1, ref TVector c1, ref TVector d1)
    {
        nint rowLength = gates * TLanes.Count;
        int row = 0;

        // The first test is a constant when the method is compiled, so elsewhere the by-lane loop is not even read
        // (its size would count against the compiler's inlining budget of the kernel, which was seen to run out).
        if (AdvSimd.Arm64.IsSupported && TLanes.RowsPerLoad == 4)
        {
            FourRowsAtATime(gates, ref row0, ref row1, ref values, count, ref a0, ref b0, ref c0, ref d0, ref a1, ref b1, ref c1, ref d1);
            row = count & ~3; // a constant where the kernel is compiled, as count is
            row0 = ref Unsafe.Add(ref row0, row * rowLength);
            row1 = ref Unsafe.Add(ref row1, row * rowLength);
            values = ref Unsafe.Add(ref values, row);
        }

        for (; row < count; row++)
        {
            TVector value = TLanes.Broadcast(values);
            AddRow(gates, ref row0, value, ref a0, ref b0, ref c0, ref d0);
            AddRow(gates, ref row1, value, ref a1, ref b1, ref c1, ref d1);
            row0 = ref Unsafe.Add(ref row0, rowLength);
            row1 = ref Unsafe.Add(ref row1, rowLength);
            values = ref Unsafe.Add(ref values, 1);
        }
    }

    /// <summary>Adds rows to one block (the last of an odd number).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddToOne(int gates, ref float row0, ref float values, int count, ref TVector a0, ref TVector b0, ref TVector c0, ref TVector d0)
    {
        nint rowLength = gates * TLanes.Count;
        int row = 0;
        if (AdvSimd.Arm64.IsSupported && TLanes.RowsPerLoad == 4)
        {
            FourRowsAtATime(gates, ref row0, ref values, count, ref a0, ref b0, ref c0, ref d0);
            row = count & ~3;
            row0 = ref Unsafe.Add(ref row0, row * rowLength);
            values = ref Unsafe.Add(ref values, row);
        }

        for (; row < count; row++)
        {
            AddRow(gates, ref row0, TLanes.Broadcast(values), ref a0, ref b0, ref c0, ref d0);
            row0 = ref Unsafe.Add(ref row0, rowLength);
            values = ref Unsafe.Add(ref values, 1);
        }
    }

    // The first count & ~3 rows, four at a time, each multiplied from its lane of one load.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRowsAtATime(
        int gates, ref float row0, ref float row1, ref float values, int count,
        ref TVector a0, ref TVector b0, ref TVector c0, ref TVector d0,
        ref TVector a1, ref TVector b1, ref TVector c1, ref TVector d1)
    {
        nint rowLength = gates * TLanes.Count;
        for (int row = 0; row < (count & ~3); row += 4)
        {
            TVector rows = TLanes.LoadRows(ref values);
            AddRowByLane(gates, ref row0, 0, rows, 0, ref a0, ref b0, ref c0, ref d0);
            AddRowByLane(gates, ref row1, 0, rows, 0, ref a1, ref b1, ref c1, ref d1);
            AddRowByLane(gates, ref row0, (nuint)rowLength, rows, 1, ref a0, ref b0, ref c0, ref d0);
            AddRowByLane(gates, ref row1, (nuint)rowLength, rows, 1, ref a1, ref b1, ref c1, ref d1);
            AddRowByLane(gates, ref row0, (nuint)(2 * rowLength), rows, 2, ref a0, ref b0, ref c0, ref d0);
            AddRowByLane(gates, ref row1, (nuint)(2 * rowLength), rows, 2, ref a1, ref b1, ref c1, ref d1);
            AddRowByLane(gates, ref row0, (nuint)(3 * rowLength), rows, 3, ref a0, ref b0, ref c0, ref d0);
            AddRowByLane(gates, ref row1, (nuint)(3 * rowLength), rows, 3, ref a1, ref b1, ref c1, ref d1);
            row0 = ref Unsafe.Add(ref row0, 4 * rowLength);
            row1 = ref Unsafe.Add(ref row1, 4 * rowLength);
            values = ref Unsafe.Add(ref values, 4);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FourRowsAtATime(int gates, ref float row0, ref float values, int count, ref TVector a0, ref TVector b0, ref TVector c0, ref TVector d0)
    {
        nint rowLength = gates * TLanes.Count;
        for (int row = 0; row < (count & ~3); row += 4)
        {
            TVector rows = TLanes.LoadRows(ref values);
            AddRowByLane(gates, ref row0, 0, rows, 0, ref a0, ref b0, ref c0, ref d0);
            AddRowByLane(gates, ref row0, (nuint)rowLength, rows, 1, ref a0, ref b0, ref c0, ref d0);
            AddRowByLane(gates, ref row0, (nuint)(2 * rowLength), rows, 2, ref a0, ref b0, ref c0, ref d0);
            AddRowByLane(gates, ref row0, (nuint)(3 * rowLength), rows, 3, ref a0, ref b0, ref c0, ref d0);
            row0 = ref Unsafe.Add(ref row0, 4 * rowLength);
            values = ref Unsafe.Add(ref values, 4);
        }
    }

    // One row of one block: each gate's register times the row's value, in every lane of `value`.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(int gates, ref float row, TVector value, ref TVector a, ref TVector b, ref TVector c, ref TVector d)
    {
        nuint lanes = (nuint)TLanes.Count;
        a = TLanes.MultiplyAdd(value, TLanes.Load(ref row, 0), a);
        b = TLanes.MultiplyAdd(value, TLanes.Load(ref row, lanes), b);
        c = TLanes.MultiplyAdd(value, TLanes.Load(ref row, 2 * lanes), c);
        if (gates == 4)
        {
            d = TLanes.MultiplyAdd(value, TLanes.Load(ref row, 3 * lanes), d);
        }
    }

    // The same for the row at `row` + `offset` floats, from lane `lane` of `rows` (the same rounding: MultiplyAddRow is
    // fused where MultiplyAdd is). The offset goes into each load, not into a moved reference, so arm64 encodes it in
    // the load (a moved reference took one more add per row).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRowByLane(int gates, ref float row, nuint offset, TVector rows, [ConstantExpected(Max = 3)] byte lane, ref TVector a, ref TVector b, ref TVector c, ref TVector d)
    {
        nuint lanes = (nuint)TLanes.Count;
        a = TLanes.MultiplyAddRow(TLanes.Load(ref row, offset), rows, lane, a);
        b = TLanes.MultiplyAddRow(TLanes.Load(ref row, offset + lanes), rows, lane, b);
        c = TLanes.MultiplyAddRow(TLanes.Load(ref row, offset + (2 * lanes)), rows, lane, c);
        if (gates == 4)
        {
            d = TLanes.MultiplyAddRow(TLanes.Load(ref row, offset + (3 * lanes)), rows, lane, d);
        }
    }
}
