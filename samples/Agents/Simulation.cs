using System;
using System.Diagnostics;
using Agents.Steering;
using Agents.World;

namespace Agents;

/// <summary>
/// The game loop's body: each frame senses (ray casts), steers (the controller, all agents in one call) and moves. Its
/// buffers are allocated here, once, so a frame allocates nothing.
/// </summary>
internal sealed class Simulation
{
    private readonly float[] _sensors;
    private readonly float[] _steering;

    public Simulation(int agents, ISteering controller, ulong seed)
    {
        Swarm = new Swarm(agents);
        Swarm.Spawn(seed);
        Controller = controller;
        _sensors = new float[agents * Sensors.Count];
        _steering = new float[agents * 2];
    }

    public Swarm Swarm { get; }

    public ISteering Controller { get; }

    /// <summary>The last frame's sensor rows and steering, for tests.</summary>
    public ReadOnlySpan<float> LastSensors => _sensors;

    public ReadOnlySpan<float> LastSteering => _steering;

    /// <summary>Runs one frame and returns the Stopwatch ticks the controller took, so its share can be reported.</summary>
    public long Frame()
    {
        RayCaster.SenseAll(Swarm, _sensors);
        long started = Stopwatch.GetTimestamp();
        Controller.Steer(_sensors, _steering);
        long controller = Stopwatch.GetTimestamp() - started;
        Physics.Move(Swarm, _steering);
        return controller;
    }

    /// <summary>FNV-1a over the bits of every agent's x, y and heading: equal runs give equal checksums.</summary>
    public ulong Checksum()
    {
        ulong hash = 0xCBF29CE484222325UL;
        for (int i = 0; i < Swarm.Count; i++)
        {
            hash = Mix(Mix(Mix(hash, Swarm.X[i]), Swarm.Y[i]), Swarm.Heading[i]);
        }

        return hash;
    }

    private static ulong Mix(ulong hash, float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        for (int shift = 0; shift < 32; shift += 8)
        {
            hash = (hash ^ ((bits >> shift) & 0xFF)) * 0x100000001B3UL;
        }

        return hash;
    }
}
