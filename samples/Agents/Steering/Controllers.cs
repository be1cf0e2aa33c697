using System;

namespace Agents.Steering;

/// <summary>The controllers the command line can pick, by name.</summary>
internal static class Controllers
{
    public static readonly string[] Names = ["rnn", "rule", "random"];

    public static ISteering Create(string name, int agents, ulong seed) => name switch
    {
        "rnn" => new RnnSteering(ControllerModel.Default, agents),
        "rule" => new RuleSteering(),
        "random" => new RandomSteering(seed),
        _ => throw new ArgumentException($"unknown controller '{name}' (one of {string.Join(", ", Names)})", nameof(name)),
    };
}
