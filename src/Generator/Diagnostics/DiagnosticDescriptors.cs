using Microsoft.CodeAnalysis;

namespace RnnGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic RnnGen reports. Ids are stable; each message says what to write instead, and each id's page
/// (docs/diagnostics/RNNG00NN.md, linked from the IDE through helpLinkUri) shows a declaration that triggers it and its fix.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RnnGen";

    public static readonly DiagnosticDescriptor TypeNotPartial = Error(
        "RNNG0001",
        "Model type must be partial",
        "'{0}' has [RnnModel] but is not partial, so RnnGen cannot add its generated members: declare it as 'partial {1} {0}'");

    public static readonly DiagnosticDescriptor InvalidSize = Error(
        "RNNG0002",
        "Sizes must be positive",
        "{0} of '{1}' is {2}: it must be a positive number of floats, e.g. [RnnModel(inputSize: 8)] or [Lstm(32)]");

    public static readonly DiagnosticDescriptor NoLayers = Error(
        "RNNG0003",
        "Model has no layers",
        "'{0}' declares no layers: add layer attributes after [RnnModel] in the order data flows, e.g. [Lstm(32)] [Dense(4)]");

    public static readonly DiagnosticDescriptor LayersSplit = Error(
        "RNNG0004",
        "Layers split over several declarations",
        "Layer attributes of '{0}' are on more than one partial declaration, so their order is undefined: put [RnnModel] and all layer attributes on one declaration");

    public static readonly DiagnosticDescriptor SoftmaxOnRecurrent = Error(
        "RNNG0005",
        "Softmax on a recurrent layer",
        "Layer {0} ({1}) uses Softmax as its {2}, which only Dense and ActivationLayer support: use Tanh or Sigmoid here and add [Dense(n, Activation = Activation.Softmax)] or [ActivationLayer(Activation.Softmax)] after it");

    public static readonly DiagnosticDescriptor SequenceExpected = Error(
        "RNNG0006",
        "Recurrent layer fed a single vector",
        "Layer {0} ({1}) needs a sequence, but layer {2} ({3}) returns only its last step: set ReturnSequences = true on layer {2}");

    public static readonly DiagnosticDescriptor UndefinedEnumValue = Error(
        "RNNG0007",
        "Undefined option value",
        "{0} = {1} on layer {2} is not a defined {3} value: use one of {4}");

    public static readonly DiagnosticDescriptor MergeModeIgnored = Warning(
        "RNNG0008",
        "MergeMode without Bidirectional",
        "MergeMode on layer {0} ({1}) has no effect because its Direction is {2}: remove it, or set Direction = Direction.Bidirectional");

    public static readonly DiagnosticDescriptor NoWeightedLayer = Error(
        "RNNG0009",
        "Model has no layer with weights",
        "'{0}' has only activation layers, which hold no weights, so there is nothing to load: declare the Dense or recurrent layers the model was trained with");

    public static readonly DiagnosticDescriptor GenericType = Error(
        "RNNG0010",
        "Generic model type",
        "'{0}' is generic or nested in a generic type; RnnGen generates fixed-size code: declare the model on a non-generic type");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "RNNG0011",
        "Containing type must be partial",
        "'{0}' contains the model '{1}' and must be partial too: declare it as 'partial {2} {0}'");

    public static readonly DiagnosticDescriptor ModelTooLarge = Error(
        "RNNG0012",
        "Model too large",
        "'{0}' is too large: {1}");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        "RNNG0013",
        "C# 12 or later required",
        "RnnGen's generated State uses inline arrays, which need C# 12 or later: set <LangVersion>12</LangVersion> or later in the project of '{0}', or remove its LangVersion (net8.0 and later default to C# 12 or newer)");

    public static readonly DiagnosticDescriptor UnsupportedTypeShape = Error(
        "RNNG0014",
        "Unsupported model type declaration",
        "'{0}' cannot hold a model because it {1}: declare it as a plain 'partial class' or 'partial struct'");

    public static readonly DiagnosticDescriptor LayerWithoutModel = Error(
        "RNNG0015",
        "Layer attribute without [RnnModel]",
        "'{0}' has layer attributes but no [RnnModel]: add [RnnModel(inputSize: N)] before the layers");

    public static readonly DiagnosticDescriptor NameClashesWithGeneratedMember = Error(
        "RNNG0016",
        "Model type named like a generated member",
        "'{0}' has the name of a member RnnGen generates into the model, and a member cannot be named like its type: rename the type (generated members: {1})");

    public static readonly DiagnosticDescriptor WeightsOptionInvalid = Error(
        "RNNG0017",
        "Invalid weights options",
        "'{0}': {1}");

    public static readonly DiagnosticDescriptor WeightsFileNotFound = Error(
        "RNNG0018",
        "Weights file not found",
        "'{0}': the weights file '{1}' {2}");

    public static readonly DiagnosticDescriptor WeightsFileUnreadable = Error(
        "RNNG0019",
        "Weights file is not a valid safetensors file",
        "'{0}': the weights file '{1}' cannot be baked in: {2}");

    public static readonly DiagnosticDescriptor WeightsMismatch = Error(
        "RNNG0020",
        "Weights file does not match the declared layers",
        "'{0}': the weights file '{1}' does not match the declared layers: {2}");

    public static readonly DiagnosticDescriptor SkipInvalid = Error(
        "RNNG0021",
        "Invalid Skip",
        "'{0}': Skip = {1} cannot work: {2}");

    public static readonly DiagnosticDescriptor AlphaInvalid = Error(
        "RNNG0022",
        "Missing or invalid Alpha",
        "Layer {0} ({1}): {2}");

    public static readonly DiagnosticDescriptor AlphaIgnored = Warning(
        "RNNG0023",
        "Alpha without an activation that uses it",
        "Alpha on layer {0} ({1}) has no effect: only Elu and LeakyRelu take an α, and this layer's activation is {2}; remove Alpha or declare the activation it belongs to");

    public static readonly DiagnosticDescriptor CompilerTooOld = Error(
        "RNNG0024",
        "Compiler older than C# 12",
        "This compiler (Roslyn {1}) predates C# 12, which the code RnnGen generates for '{0}' needs (inline arrays): build with the .NET 8 SDK or later (Roslyn 4.8 or later)");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
}
