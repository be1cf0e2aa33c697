using System.Diagnostics;
using Agents;
using Xunit;

namespace RnnGen.Agents.Tests;

public class OptionsTests
{
    [Theory]
    [InlineData("--agents takes whole numbers from 1 to 1000000, not '0'", "--agents", "0")]
    [InlineData("--agents takes whole numbers from 1 to 1000000, not 'x'", "--agents", "10,x")]
    [InlineData("--frames takes whole numbers from 1 to 10000000, not '1.5'", "--frames", "1.5")]
    [InlineData("unknown option '--fast'", "--fast")]
    [InlineData("--frames needs a value", "--frames")]
    [InlineData("--controller must be one of rnn, rule, random, not 'pid'", "--controller", "pid")]
    [InlineData("--seed must be a non-negative integer, not '-1'", "--seed", "-1")]
    public void Bad_arguments_say_what_is_wrong(string message, params string[] args)
    {
        var e = Assert.Throws<FormatException>(() => Options.Parse(args));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Defaults_run_the_three_swarm_sizes_and_compare_runs_one_thousand()
    {
        Assert.Equal([100, 1000, 10000], Options.Parse([]).Agents);
        Assert.Equal(3000, Options.Parse([]).TimedFrames);
        Assert.Equal([1000], Options.Parse(["--compare"]).Agents);
        Assert.Equal(7200, Options.Parse(["--compare"]).TimedFrames);
        Assert.Equal([5, 7], Options.Parse(["--agents", "5,7", "--frames", "10"]).Agents);
    }

    [Fact]
    public void The_program_exits_with_code_2_and_the_reason_on_a_bad_command_line()
    {
        string sample = Path.Combine(AppContext.BaseDirectory, "Agents.dll");
        var start = new ProcessStartInfo("dotnet", [sample, "--agents", "0"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Agents: --agents takes whole numbers from 1 to 1000000, not '0'", error);
        Assert.Contains("usage: Agents", error);
    }
}
