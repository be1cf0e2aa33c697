using System.Globalization;
using System.Text;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Weights;

namespace RnnGen.Generator.Emitting;

/// <summary>
/// Writes <c>static Default</c>: the model whose weights the generator read from the Weights file at build time,
/// stored in the assembly's data. Up to <see cref="MaxLiteralFloats"/> floats go into one string literal (two UTF-16
/// code units per float), which the compiler reads as a single token; an array initializer of 400k floats cost 10 s
/// more per build here. Beyond that the assembly's 16 MB string heap could overflow, so larger models use a constant
/// float array (an RVA field).
/// </summary>
internal static class BakedWeightsEmitter
{
    /// <summary>4 MB of literal per model, a quarter of what the metadata string heap holds for the whole assembly.</summary>
    public const int MaxLiteralFloats = 1 << 20;

    private const int ValuesPerLine = 8;

    /// <summary><c>Default</c> of a model whose Weights file was refused at build time: it throws, naming why.</summary>
    public static void EmitRefused(SourceWriter writer, string typeName)
    {
        writer.Line("/// <summary>Not available: the Weights file was refused when the project was built (see that build error). Throws.</summary>");
        writer.Line("public static " + typeName + " Default => throw new global::System.InvalidOperationException(" +
            SourceWriter.Literal("RnnGen could not bake the Weights file of " + typeName + ": the build reported why (RNNG0018-RNNG0020); this build should not have succeeded.") + ");");
    }

    public static void Emit(SourceWriter writer, string typeName, BakedWeights baked)
    {
        string file = Xml(baked.FileName);
        writer.Line("/// <summary>");
        writer.Line($"/// The model baked in at build time from <c>{file}</c> ({baked.TensorCount} {baked.Layout} tensors, {SourceWriter.Number(baked.Canonical.Count)} floats, checked");
        writer.Line("/// against the layers above when the project was built). Created on first use, each layer on the vector path measured");
        writer.Line("/// fastest for it here: the only work then is arranging the weights into that path's register lanes. No file, no parsing.");
        writer.Line("/// </summary>");
        writer.Line("public static " + typeName + " Default => RnnGenBaked.Model;");
        writer.Line();
        writer.Line("/// <summary>Holds the baked model; the runtime builds it once, thread-safely, on first use of <see cref=\"Default\"/>.</summary>");
        writer.Block("private static class RnnGenBaked", () =>
        {
            writer.Line("internal static readonly " + typeName + " Model = RnnGenCreate(Canonical, RnnGenChoosePaths(Canonical));");
            writer.Line();
            writer.Line($"/// <summary>The weights of <c>{file}</c> in RnnGen's canonical layout (see <c>CanonicalLayout</c>), read in place from the assembly's data.</summary>");
            if (baked.Canonical.Count <= MaxLiteralFloats)
            {
                writer.Line("private static global::System.ReadOnlySpan<float> Canonical => global::RnnGen.Weights.BakedData.AsFloats(");
                writer.Line("    // float32 bit patterns, two UTF-16 code units each, low half first");
                writer.Line("    " + Literal(baked.Canonical) + ");");
            }
            else
            {
                WriteArray(writer, baked.Canonical);
            }
        });
    }

    private static string Literal(EquatableArray<float> values)
    {
        var text = new StringBuilder((values.Count * 12) + 2).Append('"');
        foreach (float value in values)
        {
            uint bits = unchecked((uint)System.BitConverter.ToInt32(System.BitConverter.GetBytes(value), 0));
            text.Append("\\u").Append((bits & 0xFFFF).ToString("X4", CultureInfo.InvariantCulture));
            text.Append("\\u").Append((bits >> 16).ToString("X4", CultureInfo.InvariantCulture));
        }

        return text.Append('"').ToString();
    }

    private static void WriteArray(SourceWriter writer, EquatableArray<float> values)
    {
        writer.Line("private static global::System.ReadOnlySpan<float> Canonical => new float[]");
        writer.Line("{");
        var line = new StringBuilder();
        for (int i = 0; i < values.Count; i++)
        {
            // Nine significant digits identify every float32 exactly.
            line.Append(values[i].ToString("G9", CultureInfo.InvariantCulture)).Append("f,");
            if ((i + 1) % ValuesPerLine == 0 || i == values.Count - 1)
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
    }

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
