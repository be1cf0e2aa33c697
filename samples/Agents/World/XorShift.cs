namespace Agents.World;

/// <summary>xorshift64*: a tiny, allocation-free generator whose sequence depends only on the seed (runs repeat exactly).</summary>
internal struct XorShift(ulong seed)
{
    private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

    public ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }

    /// <summary>Uniform in [0, 1), 24 random bits.</summary>
    public float NextFloat() => (Next() >> 40) * (1f / (1 << 24));
}
