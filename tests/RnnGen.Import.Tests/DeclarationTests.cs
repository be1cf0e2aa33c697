using Xunit;

namespace RnnGen.Import.Tests;

/// <summary>The printed declaration for each test file is exactly the one the tests compile (ImportedModels.cs).</summary>
public sealed class DeclarationTests
{
    [Theory]
    [MemberData(nameof(ImportCase.Names), MemberType = typeof(ImportCase))]
    public void The_printed_declaration_is_the_one_that_runs_the_model(string name)
    {
        ImportCase test = ImportCase.Get(name);
        ImportedModel model = ModelImporter.Read(TestFiles.Read(test.File), test.File);

        Assert.Equal(test.Declaration, DeclarationPrinter.Print(model, null, model.NativeLayout));
    }

    [Fact]
    public void Weights_layout_and_skip_are_printed_with_the_file_name()
    {
        ImportedModel model = ModelImporter.Read(TestFiles.Read("guitarml_gru.json"), "guitarml_gru.json");

        Assert.Equal(
            "[RnnModel(inputSize: 2, Weights = \"amp.safetensors\", Layout = WeightLayout.PyTorch, Skip = 1)]\n[Gru(6, ReturnSequences = true)]\n[Dense(1)]\n",
            DeclarationPrinter.Print(model, "amp.safetensors", WeightLayout.PyTorch));
    }

    [Fact]
    public void Options_that_differ_from_the_defaults_are_printed_and_a_path_is_escaped()
    {
        var model = new ImportedModel("test", WeightLayout.Keras) { InputSize = 5 };
        model.Layers.Add(new ImportedLayer("gru", LayerKind.Gru, 5, 3)
        {
            Activation = Activation.Relu,
            RecurrentActivation = Activation.HardSigmoid,
            UseBias = false,
            Direction = Direction.Bidirectional,
            MergeMode = MergeMode.Average,
            ResetAfter = false,
        });
        model.Layers.Add(new ImportedLayer("lstm", LayerKind.Lstm, 3, 2) { Direction = Direction.Backward });

        Assert.Equal(
            "[RnnModel(inputSize: 5, Weights = \"dir\\\\w \\\"1\\\".safetensors\", Layout = WeightLayout.Keras)]\n"
            + "[Gru(3, Activation = Activation.Relu, RecurrentActivation = Activation.HardSigmoid, UseBias = false, Direction = Direction.Bidirectional, MergeMode = MergeMode.Average, ResetAfter = false)]\n"
            + "[Lstm(2, Direction = Direction.Backward)]\n",
            DeclarationPrinter.Print(model, "dir\\w \"1\".safetensors", WeightLayout.Keras));
    }
}
