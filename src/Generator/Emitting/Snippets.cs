using System.Collections.Generic;
using System.Globalization;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emitting;

/// <summary>Statement shapes that several member and layer emitters write: path switches, scratch, switch members.</summary>
internal static class Snippets
{
    /// <summary>
    /// Writes <paramref name="statement"/> (code over the placeholder types <c>TLanes</c>, <c>TVector</c>) once per vector
    /// path, in a switch on the layer's chosen path (<c>paths[i]</c>): each layer runs the width measured best for it,
    /// with the kernel specialised for that width.
    /// </summary>
    public static void OnLayerPath(SourceWriter writer, LayerPlan layer, string statement)
    {
        writer.Line($"switch (paths[{layer.Index}])");
        writer.Line("{");
        foreach ((string path, _, _) in TypeNames.Paths)
        {
            writer.Line(path == "Scalar" ? "    default:" : "    case " + TypeNames.Kernels + ".VectorPath." + path + ":");
            foreach (string line in TypeNames.OnPath(statement, path).Split('\n'))
            {
                writer.Line("        " + line);
            }

            writer.Line("        break;");
        }

        writer.Line("}");
    }

    /// <summary>Declares <c>Span&lt;float&gt; name</c> of a constant length: on the stack when small, else native memory.</summary>
    public static void ConstantScratch(SourceWriter writer, string name, int length)
    {
        if (length <= ModelLimits.StackScratchFloats)
        {
            writer.Line("global::System.Span<float> " + name + " = stackalloc float[" + length.ToString(CultureInfo.InvariantCulture) + "];");
        }
        else
        {
            writer.Line("using " + TypeNames.Kernels + ".ScratchMemory " + name + "Memory = new(" + length.ToString(CultureInfo.InvariantCulture) + ");");
            writer.Line("global::System.Span<float> " + name + " = " + name + "Memory.Span;");
        }
    }

    /// <summary>
    /// An expression-bodied member that switches on <paramref name="subject"/> over <paramref name="arms"/> and
    /// otherwise evaluates <paramref name="fail"/> (a throw expression); just <paramref name="fail"/> when there are no arms.
    /// </summary>
    public static void SwitchMember(SourceWriter writer, string signature, string subject, IReadOnlyList<string> arms, string fail)
    {
        if (arms.Count == 0)
        {
            writer.Line(signature + " => " + fail + ";");
            return;
        }

        writer.Line(signature + " => " + subject + " switch");
        writer.Line("{");
        foreach (string arm in arms)
        {
            writer.Line("    " + arm);
        }

        writer.Line("    _ => " + fail + ",");
        writer.Line("};");
    }

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>The attribute line that lets a core skip zeroing its stackalloc'd scratch, when the project allows it.</summary>
    public static void SkipLocalsInit(SourceWriter writer, ModelPlan plan)
    {
        if (plan.SkipLocalsInit)
        {
            writer.Line("[global::System.Runtime.CompilerServices.SkipLocalsInit] // every scratch float is written before it is read");
        }
    }
}
