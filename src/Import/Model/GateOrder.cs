namespace RnnGen.Import;

/// <summary>
/// Moves weights between a framework's row-per-gate form (PyTorch <c>[gates·units, inputs]</c>, ONNX per direction)
/// and the Keras kernel form <c>[inputs, gates·units]</c> with Keras gate order. The gate mapping itself is the
/// runtime's <see cref="FrameworkTensors.PackedGate"/>, so the importer and the loader cannot disagree.
/// </summary>
internal static class GateOrder
{
    /// <summary><paramref name="rows"/> <c>[gates·units, columns]</c> in <paramref name="layout"/>'s gate order → Keras kernel.</summary>
    public static float[] KernelFromRows(float[] rows, int gates, int units, int columns, LayerKind kind, WeightLayout layout)
    {
        var kernel = new float[rows.Length];
        int width = gates * units;
        for (int gate = 0; gate < gates; gate++)
        {
            int packed = FrameworkTensors.PackedGate(kind, layout, gate);
            for (int unit = 0; unit < units; unit++)
            {
                int row = (gate * units) + unit;
                int column = (packed * units) + unit;
                for (int j = 0; j < columns; j++)
                {
                    kernel[(j * width) + column] = rows[(row * columns) + j];
                }
            }
        }

        return kernel;
    }

    /// <summary>Keras kernel <c>[columns, gates·units]</c> → rows <c>[gates·units, columns]</c> in <paramref name="layout"/>'s gate order.</summary>
    public static float[] RowsFromKernel(float[] kernel, int gates, int units, int columns, LayerKind kind, WeightLayout layout)
    {
        var rows = new float[kernel.Length];
        int width = gates * units;
        for (int gate = 0; gate < gates; gate++)
        {
            int packed = FrameworkTensors.PackedGate(kind, layout, gate);
            for (int unit = 0; unit < units; unit++)
            {
                int row = (gate * units) + unit;
                int column = (packed * units) + unit;
                for (int j = 0; j < columns; j++)
                {
                    rows[(row * columns) + j] = kernel[(j * width) + column];
                }
            }
        }

        return rows;
    }

    /// <summary>A <c>[gates·units]</c> bias from <paramref name="layout"/>'s gate order to Keras order.</summary>
    public static float[] BiasToKeras(float[] bias, int gates, int units, LayerKind kind, WeightLayout layout)
    {
        var result = new float[bias.Length];
        for (int gate = 0; gate < gates; gate++)
        {
            int packed = FrameworkTensors.PackedGate(kind, layout, gate);
            System.Array.Copy(bias, gate * units, result, packed * units, units);
        }

        return result;
    }

    /// <summary>A Keras-order <c>[gates·units]</c> bias to <paramref name="layout"/>'s gate order.</summary>
    public static float[] BiasFromKeras(float[] bias, int gates, int units, LayerKind kind, WeightLayout layout)
    {
        var result = new float[bias.Length];
        for (int gate = 0; gate < gates; gate++)
        {
            int packed = FrameworkTensors.PackedGate(kind, layout, gate);
            System.Array.Copy(bias, packed * units, result, gate * units, units);
        }

        return result;
    }

    /// <summary>Transposes a row-major <c>[rows, columns]</c> matrix.</summary>
    public static float[] Transpose(float[] matrix, int rows, int columns)
    {
        var result = new float[matrix.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                result[(c * rows) + r] = matrix[(r * columns) + c];
            }
        }

        return result;
    }
}
