using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;

namespace RnnGen.Kernels.Lanes;

/// <summary>
/// Rows by lane: on arm64 one 128-bit load brings four rows' values and FMLA (by element) multiplies each weight
/// register by one of them, so a matrix row costs its weight loads and FMAs alone. Elsewhere one row at a time.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly partial struct Lanes128
{
    /// <inheritdoc/>
    public static int RowsPerLoad => AdvSimd.Arm64.IsSupported ? 4 : 1;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> LoadRows(ref float source) =>
        AdvSimd.Arm64.IsSupported ? Vector128.LoadUnsafe(ref source) : Broadcast(source);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAddRow(Vector128<float> weights, Vector128<float> rows, [ConstantExpected(Max = 3)] byte lane, Vector128<float> sum) =>
        AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.FusedMultiplyAddBySelectedScalar(sum, weights, rows, lane) : MultiplyAdd(rows, weights, sum);
}
