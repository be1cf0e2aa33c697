using Xunit;

namespace RnnGen.Import.Tests;

/// <summary>The declaration rnngen prints, pasted as is, bakes the imported weights and reproduces PyTorch, skip included.</summary>
public sealed class BakedTests
{
    [Fact]
    public void The_printed_declaration_with_Weights_and_Skip_runs_the_model()
    {
        Expected expected = Expected.Load("guitarml_gru");
        var state = new GuitarMlGruBaked.State();
        var actual = new float[GuitarMlGruBaked.OutputLength(expected.TimeSteps)];

        GuitarMlGruBaked.Default.Run(expected.Input, ref state, actual);

        Assert.True(expected.Output.Zip(actual, (e, a) => Math.Abs(e - a)).Max() <= 1e-5f);
    }
}
