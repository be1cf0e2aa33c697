using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Infrastructure;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Parsing;

/// <summary>Turns a type marked [RnnModel] into a <see cref="ModelSpec"/> plus diagnostics. Never throws on user input.</summary>
internal static class ModelParser
{
    public const string ModelAttributeName = "RnnGen.RnnModelAttribute";

    // LanguageVersion.CSharp12's value: the generated code needs C# 12, and Roslyn 4.3's enum (what the generator is
    // built against) stops at C# 11.
    private const int LanguageVersionCSharp12 = 1200;

    // The first Roslyn with C# 12. An older compiler loads this generator (built against 4.3) but, even with
    // LangVersion preview, cannot compile inline arrays.
    private static readonly Version s_firstCompilerWithCSharp12 = new(4, 8);

    private static readonly Version s_compilerVersion = typeof(CSharpParseOptions).Assembly.GetName().Version ?? new Version(0, 0);

    public static readonly IReadOnlyDictionary<string, LayerKind> LayerAttributeNames = new Dictionary<string, LayerKind>
    {
        ["RnnGen.SimpleRnnAttribute"] = LayerKind.SimpleRnn,
        ["RnnGen.LstmAttribute"] = LayerKind.Lstm,
        ["RnnGen.GruAttribute"] = LayerKind.Gru,
        ["RnnGen.DenseAttribute"] = LayerKind.Dense,
        ["RnnGen.ActivationLayerAttribute"] = LayerKind.Activation,
    };

    private static readonly ParseResult s_nothing = new(null, EquatableArray<DiagnosticInfo>.Empty);

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
        {
            return s_nothing;
        }

        // [RnnModel] on an interface breaks its AttributeUsage, which the compiler reports (CS0592): generating
        // fields and a constructor into the interface would only add errors to it.
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return s_nothing;
        }

        // [RnnModel] twice, or arguments that do not bind, are compiler errors already: add nothing to them.
        AttributeData[] attributes = type.GetAttributes().ToArray();
        AttributeData[] modelAttributes = attributes.Where(a => a.AttributeClass?.ToDisplayString() == ModelAttributeName).ToArray();
        if (modelAttributes.Length != 1 || HasBindingErrors(modelAttributes[0]))
        {
            return s_nothing;
        }

        Location typeLocation = declaration.Identifier.GetLocation();
        string name = type.Name;
        string keyword = Keyword(type);

        DiagnosticInfo? shapeProblem = CheckTypeShape(type, declaration, typeLocation, keyword);
        if (shapeProblem is not null)
        {
            return Fail(shapeProblem);
        }

        // From here on the type can take members: a refused model still gets throwing stand-ins (RefusedModelEmitter),
        // so code that uses it does not add a cascade of "no such member" errors to the one that matters.
        string? @namespace = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
        EquatableArray<ContainingTypeSpec> containingTypes = ContainingTypes(type);
        ParseResult Refuse(List<DiagnosticInfo> found)
        {
            string errorId = found.First(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error).Descriptor.Id;
            return new ParseResult(null, found.ToEquatableArray(), new RefusedModel(@namespace, containingTypes, name, keyword, errorId));
        }

        DiagnosticInfo? compilerProblem = CheckCompiler(type, declaration, typeLocation);
        if (compilerProblem is not null)
        {
            return Refuse(new List<DiagnosticInfo> { compilerProblem });
        }

        var layerAttributes = new List<AttributeData>();
        foreach (AttributeData attribute in attributes)
        {
            if (attribute.AttributeClass is not null && LayerAttributeNames.ContainsKey(attribute.AttributeClass.ToDisplayString()))
            {
                if (HasBindingErrors(attribute))
                {
                    return s_nothing;
                }

                SyntaxReference? reference = attribute.ApplicationSyntaxReference;
                if (reference is null || reference.SyntaxTree != declaration.SyntaxTree || !declaration.Span.Contains(reference.Span))
                {
                    return Refuse(new List<DiagnosticInfo> { DiagnosticInfo.Create(DiagnosticDescriptors.LayersSplit, typeLocation, name) });
                }

                layerAttributes.Add(attribute);
            }
        }

        layerAttributes.Sort((a, b) => a.ApplicationSyntaxReference!.Span.Start.CompareTo(b.ApplicationSyntaxReference!.Span.Start));

        var diagnostics = new List<DiagnosticInfo>();
        int inputSize = ReadInputSize(modelAttributes[0]);
        if (inputSize <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidSize, AttributeLocation(modelAttributes[0], cancellationToken) ?? typeLocation, "InputSize", name, inputSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var layers = new List<LayerSpec>();
        var layerLocations = new List<Location?>();
        foreach (AttributeData attribute in layerAttributes)
        {
            Location? location = AttributeLocation(attribute, cancellationToken);
            LayerKind kind = LayerAttributeNames[attribute.AttributeClass!.ToDisplayString()];
            layers.Add(LayerReader.Read(kind, attribute, layers.Count, location, diagnostics));
            layerLocations.Add(location);
        }

        ResolveActivationWidths(inputSize, layers);
        ModelValidator.Validate(name, inputSize, layers, layerLocations, typeLocation, diagnostics);
        Location modelLocation = AttributeLocation(modelAttributes[0], cancellationToken) ?? typeLocation;
        int skip = ReadSkip(modelAttributes[0], name, inputSize, layers, modelLocation, diagnostics);
        WeightsRequest? weights = ReadWeights(modelAttributes[0], name, modelLocation, diagnostics);

        if (diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error))
        {
            return Refuse(diagnostics);
        }

        var model = new ModelSpec(
            @namespace,
            containingTypes,
            name,
            keyword,
            type.IsValueType,
            inputSize,
            layers.ToEquatableArray(),
            weights,
            skip);
        return new ParseResult(model, diagnostics.ToEquatableArray());
    }

    /// <summary>For a type with layer attributes: the RNNG0015 diagnostic when it has no [RnnModel], reported once per type.</summary>
    public static EquatableArray<DiagnosticInfo> CheckLayersWithoutModel(GeneratorAttributeSyntaxContext context, LayerKind pipelineKind, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        AttributeData[] attributes = type.GetAttributes().ToArray();
        if (attributes.Any(a => a.AttributeClass?.ToDisplayString() == ModelAttributeName))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        // Every layer kind has its own pipeline; only the kind of the first layer attribute reports.
        AttributeData? first = attributes
            .Where(a => a.AttributeClass is not null && LayerAttributeNames.ContainsKey(a.AttributeClass.ToDisplayString()) && a.ApplicationSyntaxReference is not null)
            .OrderBy(a => a.ApplicationSyntaxReference!.SyntaxTree.FilePath, StringComparer.Ordinal)
            .ThenBy(a => a.ApplicationSyntaxReference!.Span.Start)
            .FirstOrDefault();
        if (first is null || LayerAttributeNames[first.AttributeClass!.ToDisplayString()] != pipelineKind)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        return new[] { DiagnosticInfo.Create(DiagnosticDescriptors.LayerWithoutModel, declaration.Identifier.GetLocation(), type.Name) }.ToEquatableArray();
    }

    private static DiagnosticInfo? CheckTypeShape(INamedTypeSymbol type, TypeDeclarationSyntax declaration, Location typeLocation, string keyword)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotPartial, typeLocation, type.Name, keyword);
        }

        if (type.IsStatic)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedTypeShape, typeLocation, type.Name, "is static (a model is an object holding its weights)");
        }

        if (type.IsAbstract)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedTypeShape, typeLocation, type.Name, "is abstract (the generated FromParameters creates an instance of it)");
        }

        if (type.IsRefLikeType)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedTypeShape, typeLocation, type.Name, "is a ref struct (a model lives in fields: Default holds one, and StepBatch's worker ranges refer to it)");
        }

        // A child node, not TypeDeclarationSyntax.ParameterList: that property came with C# 12 (Roslyn 4.7), and the
        // generator is built against Roslyn 4.3 so that older compilers load it.
        if (declaration.ChildNodes().OfType<ParameterListSyntax>().Any())
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedTypeShape, typeLocation, type.Name, "has a primary constructor (the generated constructor could not chain to it)");
        }

        if (GeneratedMembers.Contains(type.Name))
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.NameClashesWithGeneratedMember, typeLocation, type.Name, string.Join(", ", GeneratedMembers.Names.Where(n => char.IsUpper(n[0]))));
        }

        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (t.TypeParameters.Length > 0)
            {
                return DiagnosticInfo.Create(DiagnosticDescriptors.GenericType, typeLocation, type.Name);
            }
        }

        for (SyntaxNode? parent = declaration.Parent; parent is TypeDeclarationSyntax container; parent = parent.Parent)
        {
            if (!container.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                string containerKeyword = container switch
                {
                    StructDeclarationSyntax => "struct",
                    RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                    _ => "class",
                };
                return DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, container.Identifier.GetLocation(), container.Identifier.Text, type.Name, containerKeyword);
            }
        }

        return null;
    }

    /// <summary>RNNG0024 / RNNG0013: the compiler or the project's language version predates C# 12, which generated code needs.</summary>
    private static DiagnosticInfo? CheckCompiler(INamedTypeSymbol type, TypeDeclarationSyntax declaration, Location typeLocation)
    {
        if (s_compilerVersion < s_firstCompilerWithCSharp12)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.CompilerTooOld, typeLocation, type.Name, $"{s_compilerVersion.Major}.{s_compilerVersion.Minor}");
        }

        if (declaration.SyntaxTree.Options is CSharpParseOptions options && (int)options.LanguageVersion < LanguageVersionCSharp12)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, typeLocation, type.Name);
        }

        return null;
    }

    /// <summary>A standalone activation acts on its input: its width is the output width of the layer before it.</summary>
    private static void ResolveActivationWidths(int inputSize, List<LayerSpec> layers)
    {
        int width = inputSize;
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers[i].Kind == LayerKind.Activation)
            {
                layers[i] = layers[i] with { Units = System.Math.Max(width, 0) };
            }

            width = layers[i].OutputWidth;
        }
    }

    private static int ReadInputSize(AttributeData attribute)
    {
        int inputSize = 0;
        if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int fromConstructor)
        {
            inputSize = fromConstructor;
        }

        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == "InputSize" && named.Value.Value is int fromProperty)
            {
                inputSize = fromProperty;
            }
        }

        return inputSize;
    }

    /// <summary><c>Skip</c>: how many leading input features are added to the outputs; 0 when absent or invalid.</summary>
    private static int ReadSkip(AttributeData attribute, string name, int inputSize, List<LayerSpec> layers, Location location, List<DiagnosticInfo> diagnostics)
    {
        int skip = 0;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == "Skip" && named.Value.Value is int value)
            {
                skip = value;
            }
        }

        if (skip == 0 || layers.Count == 0)
        {
            return 0;
        }

        int outputSize = layers[layers.Count - 1].OutputWidth;
        string? problem = skip < 0 ? "it cannot be negative"
            : skip > inputSize || skip > outputSize ? $"it adds input features to outputs one for one, so it is at most min(InputSize {inputSize}, OutputSize {outputSize})"
            : layers.Any(l => l.IsRecurrent && l.Direction != Direction.Forward) ? "it adds each step's input to that step's output, which needs every recurrent layer to be Forward"
            : null;
        if (problem is null)
        {
            return skip;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SkipInvalid, location, name, skip.ToString(System.Globalization.CultureInfo.InvariantCulture), problem));
        return 0;
    }

    /// <summary><c>Weights</c> and <c>Layout</c>: both or neither, a safetensors naming scheme (PyTorch or Keras).</summary>
    private static WeightsRequest? ReadWeights(AttributeData attribute, string name, Location location, List<DiagnosticInfo> diagnostics)
    {
        string? path = null;
        int? layout = null;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == "Weights")
            {
                path = named.Value.Value as string ?? string.Empty;
            }
            else if (named.Key == "Layout" && named.Value.Value is int value)
            {
                layout = value;
            }
        }

        string? problem = (path, layout) switch
        {
            (null, null) => null,
            (null, _) => "Layout only says how a Weights file names its tensors: set Weights = \"model.safetensors\" too, or remove Layout",
            ("", _) => "Weights is empty: give the path of a .safetensors file listed in AdditionalFiles",
            (_, null) => "say whose names the Weights file uses: add Layout = WeightLayout.PyTorch (a state_dict) or WeightLayout.Keras (weight paths such as lstm/kernel)",
            (_, (int)WeightLayout.PyTorch or (int)WeightLayout.Keras) => null,
            (_, (int)WeightLayout.Onnx) => "ONNX initializers have no standard names to find layers by: convert the .onnx file with `rnngen import` and use the layout it prints",
            _ => $"Layout = {layout} is not a WeightLayout: use WeightLayout.PyTorch or WeightLayout.Keras",
        };
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WeightsOptionInvalid, location, name, problem));
            return null;
        }

        return path is null ? null : new WeightsRequest(path, (WeightLayout)layout!.Value, LocationInfo.From(location));
    }

    private static bool HasBindingErrors(AttributeData attribute) =>
        attribute.AttributeConstructor is null
        || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
        || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);

    private static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();

    private static EquatableArray<ContainingTypeSpec> ContainingTypes(INamedTypeSymbol type)
    {
        var containers = new List<ContainingTypeSpec>();
        for (INamedTypeSymbol? t = type.ContainingType; t is not null; t = t.ContainingType)
        {
            containers.Insert(0, new ContainingTypeSpec(Keyword(t), t.Name));
        }

        return containers.ToEquatableArray();
    }

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.IsValueType) switch
    {
        (true, true) => "record struct",
        (true, false) => "record",
        (false, true) => "struct",
        _ => type.TypeKind == TypeKind.Interface ? "interface" : "class",
    };

    private static ParseResult Fail(DiagnosticInfo diagnostic) => new(null, new[] { diagnostic }.ToEquatableArray());
}
