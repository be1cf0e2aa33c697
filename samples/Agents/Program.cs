using System;
using System.Collections.Generic;
using Agents;
using Agents.Steering;
using RnnGen.Kernels;

// Exit codes: 0 done, 2 a bad command line.
if (args is ["-h"] or ["--help"])
{
    Console.WriteLine(Options.Usage);
    return 0;
}

Options options;
try
{
    options = Options.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine($"Agents: {e.Message}\n\n{Options.Usage}");
    return 2;
}

Console.WriteLine($"vector path: {VectorPaths.DescribeProcess(VectorPaths.Best)}");
Console.WriteLine($"measured fastest for the GRU: {ControllerModel.Default.VectorPath}");
Console.WriteLine($"seed {options.Seed}, {options.WarmupFrames} warm-up frames then {options.TimedFrames} timed frames per run, 60 frames per simulated second");
string[] controllers = options.Compare ? Controllers.Names : [options.Controller];
foreach (string controller in controllers)
{
    Console.WriteLine($"{controller}: {Controllers.Create(controller, 1, options.Seed).Description}");
}

if (options.Compare)
{
    ReportPrinter.PrintBehaviourHeader();
}
else
{
    ReportPrinter.PrintTimingHeader();
}

// The table first, so it reads as one; the machine-readable lines after it.
var reports = new List<RunReport>();
foreach (int agents in options.Agents)
{
    foreach (string controller in controllers)
    {
        var simulation = new Simulation(agents, Controllers.Create(controller, agents, options.Seed), options.Seed);
        RunReport report = FrameRunner.Run(simulation, controller, options.WarmupFrames, options.TimedFrames);
        if (options.Compare)
        {
            ReportPrinter.PrintBehaviour(report);
        }
        else
        {
            ReportPrinter.PrintTiming(report);
        }

        reports.Add(report);
    }
}

foreach (RunReport report in reports)
{
    ReportPrinter.PrintSummary(report);
}

return 0;
