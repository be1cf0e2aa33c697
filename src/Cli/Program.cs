using System;

namespace RnnGen.Cli;

/// <summary>The <c>rnngen</c> entry point: everything happens in <see cref="CliApp"/>, which tests call in-process.</summary>
public static class Program
{
    /// <summary>Runs the command line; 0 on success, 1 on bad input, 2 on bad usage.</summary>
    public static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
