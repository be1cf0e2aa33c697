using System.Globalization;
using System.Text;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Weights;

namespace RnnGen.Generator.Emitting;

/// <summary>
/// Writes <c>static Default</c>: the model whose weights the generator read from the Weights file at build time,
/// stored as a constant float array in the assembly's data (an RVA field, no heap copy until the model is built).
/// </summary>
internal static class BakedWeightsEmitter
{
    private const int ValuesPerLine = 8;

    public static void Emit(SourceWriter writer, string typeName, BakedWeights baked)
    {
        string file = Xml(baked.FileName);
        writer.Line("/// <summary>");
        writer.Line($"/// The model baked in at build time from <c>{file}</c> ({baked.TensorCount} {baked.Layout} tensors, {SourceWriter.Number(baked.Canonical.Count)} floats, checked");
        writer.Line("/// against the layers above when the project was built). Created on first use, on the widest vector path this process");
        writer.Line("/// accelerates: the only work then is arranging the weights into that path's register lanes. No file, no parsing.");
        writer.Line("/// </summary>");
        writer.Line("public static " + typeName + " Default => RnnGenBaked.Model;");
        writer.Line();
        writer.Line("/// <summary>Holds the baked model; the runtime builds it once, thread-safely, on first use of <see cref=\"Default\"/>.</summary>");
        writer.Block("private static class RnnGenBaked", () =>
        {
            writer.Line("internal static readonly " + typeName + " Model = new(");
            writer.Line("    global::RnnGen.Weights.WeightSlots.Create(Canonical, s_rnnGenLayers, global::RnnGen.Kernels.VectorPaths.Best),");
            writer.Line("    global::RnnGen.Kernels.VectorPaths.Best);");
            writer.Line();
            writer.Line($"/// <summary>The weights of <c>{file}</c> in RnnGen's canonical layout (see <c>CanonicalLayout</c>): read-only data in the assembly.</summary>");
            writer.Line("private static global::System.ReadOnlySpan<float> Canonical => new float[]");
            writer.Line("{");
            var line = new StringBuilder();
            for (int i = 0; i < baked.Canonical.Count; i++)
            {
                line.Append(Float(baked.Canonical[i])).Append(',');
                if ((i + 1) % ValuesPerLine == 0 || i == baked.Canonical.Count - 1)
                {
                    writer.Line("    " + line.ToString());
                    line.Clear();
                }
                else
                {
                    line.Append(' ');
                }
            }

            writer.Line("};");
        });
    }

    /// <summary>Round-trips exactly: nine significant digits identify every float32.</summary>
    private static string Float(float value) => value.ToString("G9", CultureInfo.InvariantCulture) + "f";

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
