using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using RnnGen.Import;

namespace RnnGen.Cli;

/// <summary><c>rnngen import</c> and <c>rnngen inspect</c>. Every failure is one sentence on stderr and exit code 1, never a stack trace.</summary>
public static class CliApp
{
    private const string Usage = """
        usage:
          rnngen import MODEL -o WEIGHTS.safetensors [--layout keras|pytorch] [--name TYPE] [--order a,b,c]
              converts MODEL's weights and prints the C# declaration to paste
          rnngen inspect MODEL [--order a,b,c]
              lists layers, weight shapes, parameter counts and anything unsupported
          --order: the forward order of a PyTorch state_dict's modules, when the one inferred from sizes is wrong
        MODEL: 
        """;

    /// <summary>Runs one command; 0 on success, 1 when the model cannot be read or imported, 2 on bad usage.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage + ModelImporter.Formats);
            return args.Length == 0 ? 2 : 0;
        }

        CliArguments? parsed = CliArguments.Parse(args, out string? problem);
        if (parsed is null)
        {
            error.WriteLine($"rnngen: {problem}");
            error.WriteLine(Usage + ModelImporter.Formats);
            return 2;
        }

        try
        {
            ImportedModel model = ModelImporter.ReadFile(parsed.Model, new ImportOptions(parsed.Order));
            return parsed.Command == "inspect" ? Inspect(model, parsed, output) : Import(model, parsed, output);
        }
        catch (ModelImportException e)
        {
            error.WriteLine($"rnngen: {parsed.Model}: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"rnngen: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in rnngen rather than a bad file: still one line, with what is needed to report it.
            error.WriteLine($"rnngen: {parsed.Model}: internal error {e.GetType().Name}: {e.Message} (please report it with the model file)");
            return 1;
        }
    }

    private static int Import(ImportedModel model, CliArguments args, TextWriter output)
    {
        model.ThrowIfUnsupported();
        WeightLayout layout = args.Layout ?? model.NativeLayout;
        byte[] file = SafetensorsWriter.Write(TensorRenderer.Render(model, layout));
        File.WriteAllBytes(args.Output!, file);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {args.Output} ({model.ParameterCount} parameters, {layout} layout) from {model.Format}"));
        foreach (string note in model.Notes)
        {
            output.WriteLine("note: " + note);
        }

        output.WriteLine();
        output.Write(DeclarationPrinter.Print(model, Path.GetFileName(args.Output!), layout));
        output.WriteLine($"public partial class {args.Name ?? TypeName(args.Model)};");
        return 0;
    }

    private static int Inspect(ImportedModel model, CliArguments args, TextWriter output)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{args.Model}: {model.Format}\n");
        foreach (SourceLayer layer in model.SourceLayers)
        {
            string shapes = string.Join(", ", layer.Tensors.Select(t => $"{t.Name} [{string.Join(", ", t.Shape)}]"));
            text.Append(CultureInfo.InvariantCulture, $"  {layer.Name} ({layer.Type}): {layer.ParameterCount} parameters{(shapes.Length > 0 ? " — " + shapes : string.Empty)}\n");
        }

        foreach (string note in model.Notes)
        {
            text.Append("note: ").Append(note).Append('\n');
        }

        if (model.Unsupported.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"unsupported ({model.Unsupported.Count}):\n");
            foreach (string problem in model.Unsupported)
            {
                text.Append("  ").Append(problem).Append('\n');
            }
        }
        else if (model.Layers.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"importable: {model.ParameterCount} parameters (as Keras counts them); declaration:\n");
            text.Append(DeclarationPrinter.Print(model, null, model.NativeLayout));
        }

        output.Write(text.ToString());
        return 0;
    }

    // A C# type name from the model's file name: ts9_model.h5 → Ts9Model.
    private static string TypeName(string path)
    {
        var name = new StringBuilder();
        bool upper = true;
        foreach (char c in Path.GetFileNameWithoutExtension(path))
        {
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                name.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return name.Length == 0 || char.IsDigit(name[0]) ? "Model" + name : name.ToString();
    }
}
