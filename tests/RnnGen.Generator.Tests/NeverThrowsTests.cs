using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Property test: whatever attributes a user writes, the generator never throws, and whatever it generates compiles.
/// Declarations come from a seeded <see cref="Random"/>, so a failure names a batch that reproduces exactly.
/// </summary>
public sealed class NeverThrowsTests
{
    private static readonly int s_seed = int.TryParse(Environment.GetEnvironmentVariable("RNNGEN_PROPERTY_SEED"), out int seed) ? seed : 0x5EED;
    private const int Batches = 125;
    private const int ModelsPerBatch = 20;

    private static readonly string[] s_units = { "-5", "0", "1", "3", "100000", "int.MaxValue" };
    private static readonly string[] s_wrongArguments = { "\"x\"", "1.5", "", "null", "2, 3", "units: 2", "true", "Activation.Tanh" };
    private static readonly string[] s_kinds = { "Lstm", "Gru", "SimpleRnn", "Dense", "ActivationLayer" };
    private static readonly string[] s_activations = { "Linear", "Tanh", "Sigmoid", "HardSigmoid", "HardSigmoidKeras3", "Relu", "Softmax", "Elu", "LeakyRelu" };
    private static readonly string[] s_alphas = { "0.3f", "0.01f", "1", "0f", "-1f", "float.NaN", "float.PositiveInfinity", "\"x\"" };
    private static readonly string[] s_containers =
    {
        "partial class C", "class C", "partial class C<T>", "static partial class C", "partial struct C",
        "partial record C", "partial record struct C", "partial interface C", "sealed partial class C",
    };

    private static readonly string[] s_shapes =
    {
        "partial class", "partial struct", "class", "static partial class", "partial record", "partial record struct",
        "abstract partial class", "sealed partial class", "readonly partial struct", "ref partial struct",
        "public partial class", "internal partial struct", "partial interface", "unsafe partial class",
    };

    private readonly ITestOutputHelper _output;

    public NeverThrowsTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void RandomDeclarationsNeverThrowAndGeneratedCodeCompiles()
    {
        var random = new Random(s_seed);
        var stopwatch = Stopwatch.StartNew();
        var failures = new List<string>();
        var failingIds = new SortedSet<string>(StringComparer.Ordinal);
        int declarations = 0;
        int generated = 0;
        int withDiagnostics = 0;

        for (int batch = 0; batch < Batches; batch++)
        {
            var source = new StringBuilder("using RnnGen;\n");
            for (int i = 0; i < ModelsPerBatch; i++)
            {
                source.Append(RandomModel(random, i)).Append('\n');
                declarations++;
            }

            LanguageVersion version = random.Next(8) == 0 ? LanguageVersion.CSharp11 : LanguageVersion.Latest;
            var options = new CSharpParseOptions(version, DocumentationMode.Parse);
            CSharpCompilation input = GeneratorHarness.Compile(options, warningsAsErrors: false, ("Batch" + batch + ".cs", source.ToString()));
            GeneratorRun run = GeneratorHarness.Run(input);

            string where = "batch " + batch + " (seed " + s_seed + ", " + version + ")";
            if (run.Generator.Exception is not null)
            {
                failures.Add(where + ": generator threw " + run.Generator.Exception + "\n" + source);
            }

            Diagnostic[] crashes = run.DriverDiagnostics.Concat(run.Output.GetDiagnostics()).Where(d => d.Id == "CS8785").ToArray();
            if (crashes.Length > 0)
            {
                failures.Add(where + ": " + GeneratorHarness.Format(crashes));
            }

            generated += run.Sources.Length;
            withDiagnostics += run.GeneratorDiagnostics.Select(d => d.Location.SourceSpan).Distinct().Count();
            if (run.Sources.Length > 0)
            {
                Diagnostic[] added = run.NewErrors();
                if (added.Length > 0)
                {
                    failingIds.UnionWith(added.Select(d => d.Id));
                    failures.Add(where + ": generated code does not compile:\n" + GeneratorHarness.Format(added.Take(10)) + "\n" + Culprits(source.ToString(), added));
                }
            }
        }

        stopwatch.Stop();
        _output.WriteLine($"{declarations} random declarations in {Batches} compilations: {generated} models generated, {withDiagnostics} RnnGen diagnostics, {stopwatch.Elapsed.TotalSeconds:F1} s.");

        // A generator that generated nothing, or diagnosed nothing, would pass vacuously.
        Assert.True(generated >= declarations / 4, "only " + generated + " models generated: the random declarations are too rarely valid");
        Assert.True(withDiagnostics >= declarations / 5, "only " + withDiagnostics + " diagnostics");
        Assert.True(failures.Count == 0, failures.Count + " failing batches (" + string.Join(", ", failingIds) + "):\n\n" + string.Join("\n\n", failures.Take(5)));
    }

    /// <summary>The random declarations (namespace N{i}) whose generated file an error is in.</summary>
    private static string Culprits(string source, IEnumerable<Diagnostic> errors)
    {
        var culprits = new StringBuilder();
        foreach (string file in errors.Select(e => Path.GetFileName(e.Location.GetLineSpan().Path)).Distinct())
        {
            string ns = file.Split('.')[0];
            int start = source.IndexOf("namespace " + ns + "\n", StringComparison.Ordinal);
            int end = start < 0 ? -1 : source.IndexOf("\n}\n", start, StringComparison.Ordinal);
            culprits.Append(file).Append(" from:\n").Append(start < 0 || end < 0 ? "?" : source[start..(end + 2)]).Append('\n');
        }

        return culprits.ToString();
    }

    private static string RandomModel(Random random, int index) =>
        random.Next(2) == 0 ? RandomValidModel(random, index) : RandomAnyModel(random, index);

    /// <summary>A declaration RnnGen should accept, with random options: these exercise the emitter.</summary>
    private static string RandomValidModel(Random random, int index)
    {
        string[] containers = { "partial class C", "partial struct C", "partial record C", "static partial class C", "partial interface C", "partial record struct C" };
        string[] shapes = { "partial class", "partial struct", "public partial class", "sealed partial class", "partial record", "partial record struct", "internal partial struct" };
        var text = new StringBuilder("namespace N" + index + "\n{\n");
        string? container = random.Next(3) == 0 ? Pick(random, containers) : null;
        if (container is not null)
        {
            text.Append(container).Append("\n{\n");
        }

        text.Append("[RnnModel(inputSize: ").Append(1 + random.Next(8)).Append(")]\n");
        int layers = 1 + random.Next(4);
        bool recurrent = false;
        bool denseOnly = random.Next(6) == 0; // models of Dense and activation layers only are valid too
        bool sequence = true;
        for (int i = 0; i < layers; i++)
        {
            if ((recurrent || denseOnly) && random.Next(5) == 0)
            {
                string activation = Pick(random, s_activations);
                text.Append("[ActivationLayer(Activation.").Append(activation).Append(activation == "LeakyRelu" || random.Next(4) == 0 && activation == "Elu" ? ", Alpha = 0.2f" : string.Empty).Append(")]\n");
                continue;
            }

            bool dense = denseOnly || !sequence || (recurrent && random.Next(3) == 0);
            string kind = dense ? "Dense" : Pick(random, new[] { "Lstm", "Gru", "SimpleRnn" });
            recurrent |= !dense;
            var arguments = new List<string> { (1 + random.Next(9)).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            string[] activations = dense ? s_activations : s_activations.Where(a => a != "Softmax").ToArray();
            bool leaky = false;
            if (random.Next(2) == 0)
            {
                string activation = Pick(random, activations);
                leaky |= activation == "LeakyRelu";
                arguments.Add("Activation = Activation." + activation);
            }

            if (!dense)
            {
                // Every recurrent layer returns sequences except perhaps the last one, so the stack is valid.
                arguments.Add("ReturnSequences = " + (i < layers - 1 || random.Next(2) == 0 ? "true" : "false"));
                string direction = Pick(random, new[] { "Forward", "Backward", "Bidirectional" });
                arguments.Add("Direction = Direction." + direction);
                if (direction == "Bidirectional" || random.Next(5) == 0)
                {
                    arguments.Add("MergeMode = MergeMode." + Pick(random, new[] { "Concat", "Sum", "Multiply", "Average" }));
                }

                if (kind != "SimpleRnn" && random.Next(2) == 0)
                {
                    string activation = Pick(random, activations);
                    leaky |= activation == "LeakyRelu";
                    arguments.Add("RecurrentActivation = Activation." + activation);
                }

                if (kind == "Gru" && random.Next(2) == 0)
                {
                    arguments.Add("ResetAfter = " + Bool(random));
                }

                if (random.Next(4) == 0)
                {
                    arguments.Add("LearnedInitialState = true");
                }

                sequence = arguments.Contains("ReturnSequences = true");
            }

            if (leaky)
            {
                arguments.Add("Alpha = 0.1f");
            }

            if (random.Next(4) == 0)
            {
                arguments.Add("UseBias = false");
            }

            text.Append('[').Append(kind).Append('(').Append(string.Join(", ", arguments)).Append(")]\n");
        }

        text.Append(Pick(random, shapes)).Append(" M").Append(index).Append(random.Next(2) == 0 ? " { }\n" : ";\n");
        if (container is not null)
        {
            text.Append("}\n");
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>Anything goes: wrong shapes, sizes, argument types, enum casts, duplicates, splits, containers.</summary>
    private static string RandomAnyModel(Random random, int index)
    {
        string name = "M" + index;
        string? container = random.Next(4) == 0 ? Pick(random, s_containers) : null;
        string shape = Pick(random, s_shapes);
        if (container is null && random.Next(15) == 0)
        {
            shape = "file " + shape;
        }

        var attributes = new List<string>();
        switch (random.Next(12))
        {
            case 0: attributes.Add("RnnModel"); break;
            case 1: attributes.Add("RnnModel(InputSize = " + Size(random) + ")"); break;
            case 2: attributes.Add("RnnModel(\"x\")"); break;
            case 3: attributes.Add("RnnModel(" + Size(random) + ")"); attributes.Add("RnnModel(" + Size(random) + ")"); break;
            case 4: break;
            default: attributes.Add("RnnModel(inputSize: " + Size(random) + ")"); break;
        }

        int layers = random.Next(5);
        for (int i = 0; i < layers; i++)
        {
            attributes.Add(RandomLayer(random));
        }

        string split = random.Next(12) == 0 ? "[" + RandomLayer(random) + "]" : string.Empty;
        var text = new StringBuilder();
        text.Append("namespace N").Append(index).Append('\n').Append("{\n");
        if (container is not null)
        {
            text.Append(container).Append("\n{\n");
        }

        // One attribute per list, or all in one list: the parser must order layers by source position either way.
        text.Append(random.Next(4) == 0
            ? (attributes.Count > 0 ? "[" + string.Join(", ", attributes) + "]\n" : string.Empty)
            : string.Concat(attributes.Select(a => "[" + a + "]\n")));
        string parameters = random.Next(20) == 0 ? "(int seed)" : string.Empty;
        string generic = random.Next(25) == 0 ? "<T>" : string.Empty;
        text.Append(shape).Append(' ').Append(name).Append(generic).Append(parameters).Append(" { }\n");
        if (split.Length > 0 && shape.Contains("partial", StringComparison.Ordinal))
        {
            text.Append(split).Append('\n').Append(shape).Append(' ').Append(name).Append(generic).Append(" { }\n");
        }

        if (container is not null)
        {
            text.Append("}\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string RandomLayer(Random random)
    {
        string kind = random.Next(40) == 0 ? "Conv" : Pick(random, s_kinds);
        string units = random.Next(4) != 0 ? (random.Next(2) == 0 ? "1" : "3")
            : random.Next(3) != 0 ? Pick(random, s_units)
            : Pick(random, s_wrongArguments);
        var arguments = new List<string>();
        if (units.Length > 0)
        {
            arguments.Add(units);
        }

        if (random.Next(3) == 0)
        {
            arguments.Add("Activation = " + Activation(random));
        }

        if (random.Next(5) == 0)
        {
            arguments.Add("RecurrentActivation = " + Activation(random));
        }

        if (random.Next(2) == 0)
        {
            arguments.Add("ReturnSequences = " + Bool(random));
        }

        if (random.Next(3) == 0)
        {
            arguments.Add("Direction = " + (random.Next(10) == 0 ? "(Direction)7" : "Direction." + Pick(random, new[] { "Forward", "Backward", "Bidirectional" })));
        }

        if (random.Next(4) == 0)
        {
            arguments.Add("MergeMode = " + (random.Next(10) == 0 ? "(MergeMode)9" : "MergeMode." + Pick(random, new[] { "Concat", "Sum", "Multiply", "Average" })));
        }

        if (random.Next(5) == 0)
        {
            arguments.Add("ResetAfter = " + Bool(random));
        }

        if (random.Next(5) == 0)
        {
            arguments.Add("UseBias = " + Bool(random));
        }

        if (random.Next(30) == 0)
        {
            arguments.Add("Units = 4");
        }

        if (random.Next(6) == 0)
        {
            arguments.Add("Alpha = " + Pick(random, s_alphas));
        }

        if (random.Next(10) == 0)
        {
            arguments.Add("LearnedInitialState = " + Bool(random));
        }

        Shuffle(random, arguments, keepFirst: units.Length > 0);
        return random.Next(30) == 0 ? kind : kind + "(" + string.Join(", ", arguments) + ")";
    }

    private static string Activation(Random random) => random.Next(10) switch
    {
        0 => "(Activation)42",
        1 => "(Activation)(-1)",
        2 => "3",
        _ => "Activation." + Pick(random, s_activations),
    };

    private static string Bool(Random random) => random.Next(12) == 0 ? "1" : random.Next(2) == 0 ? "true" : "false";

    private static string Size(Random random) => random.Next(3) != 0 ? (1 + random.Next(6)).ToString(System.Globalization.CultureInfo.InvariantCulture) : Pick(random, s_units);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static void Shuffle(Random random, List<string> items, bool keepFirst)
    {
        for (int i = items.Count - 1; i > (keepFirst ? 1 : 0); i--)
        {
            int j = random.Next(keepFirst ? 1 : 0, i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
