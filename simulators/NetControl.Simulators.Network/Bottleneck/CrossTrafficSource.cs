namespace NetControl.Simulators.Network.Bottleneck;

/// <summary>Generates cross-traffic arrival times (in ticks of a given frequency) with an injected <see cref="Random"/>. Not thread-safe.</summary>
internal sealed class CrossTrafficSource
{
    private readonly CrossTrafficSettings _settings;
    private readonly Random _random;
    private readonly double _meanGapTicks;

    public CrossTrafficSource(CrossTrafficSettings settings, long frequency, Random random, long startTick)
    {
        _settings = settings;
        _random = random;
        _meanGapTicks = settings.Rate.BitsPerSecond > 0 ? settings.PacketSize * 8.0 / settings.Rate.BitsPerSecond * frequency : double.PositiveInfinity;
        NextArrival = startTick + NextGap();
    }

    public int PacketSize => _settings.PacketSize;

    /// <summary>Tick of the next cross-traffic arrival (positive infinity when the rate is zero).</summary>
    public double NextArrival { get; private set; }

    /// <summary>Moves to the arrival after <see cref="NextArrival"/>.</summary>
    public void Advance() => NextArrival += NextGap();

    /// <summary>Skips forward so that the next arrival is not before <paramref name="tick"/> (used after long idle spans).</summary>
    public void SkipTo(double tick)
    {
        if (NextArrival < tick)
        {
            NextArrival = tick + NextGap();
        }
    }

    private double NextGap() => _settings.Kind == CrossTrafficKind.ConstantBitRate
        ? _meanGapTicks
        : -_meanGapTicks * Math.Log(1 - _random.NextDouble());
}
