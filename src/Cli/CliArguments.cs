using System;
using System.Collections.Generic;

namespace RnnGen.Cli;

/// <summary>The parsed command line: a command, its one model path, and options.</summary>
internal sealed record CliArguments(string Command, string Model, string? Output, WeightLayout? Layout, string? Name, IReadOnlyList<string>? Order = null)
{
    /// <summary>Parses <c>COMMAND MODEL [-o FILE] [--layout keras|pytorch] [--name TYPE] [--order a,b,c]</c>; returns null with <paramref name="error"/> set on bad usage.</summary>
    public static CliArguments? Parse(string[] args, out string? error)
    {
        error = null;
        string? command = null, model = null, output = null, name = null;
        string[]? order = null;
        WeightLayout? layout = null;
        var queue = new Queue<string>(args);
        while (queue.Count > 0)
        {
            string arg = queue.Dequeue();
            if (arg is "-o" or "--output" or "--layout" or "--name" or "--order")
            {
                if (queue.Count == 0)
                {
                    error = $"{arg} needs a value";
                    return null;
                }

                string value = queue.Dequeue();
                switch (arg)
                {
                    case "--layout":
                        layout = value.ToLowerInvariant() switch { "keras" => WeightLayout.Keras, "pytorch" => WeightLayout.PyTorch, _ => null };
                        if (layout is null)
                        {
                            error = $"--layout must be keras or pytorch, not '{value}'";
                            return null;
                        }

                        break;
                    case "--name":
                        name = value;
                        break;
                    case "--order":
                        order = value.Split(',', StringSplitOptions.TrimEntries);
                        if (Array.Exists(order, module => module.Length == 0))
                        {
                            error = $"--order takes module names separated by commas, e.g. --order lstm,lstm2,dense; not '{value}'";
                            return null;
                        }

                        break;
                    default:
                        output = value;
                        break;
                }
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                error = $"unknown option '{arg}'";
                return null;
            }
            else if (command is null)
            {
                command = arg;
            }
            else if (model is null)
            {
                model = arg;
            }
            else
            {
                error = $"unexpected argument '{arg}'";
                return null;
            }
        }

        if (command is not ("import" or "inspect"))
        {
            error = command is null ? "no command given" : $"unknown command '{command}'";
            return null;
        }

        if (model is null)
        {
            error = $"{command} needs a model file";
            return null;
        }

        if (command == "import" && output is null)
        {
            error = "import needs -o FILE.safetensors";
            return null;
        }

        return new CliArguments(command, model, output, layout, name, order);
    }
}
