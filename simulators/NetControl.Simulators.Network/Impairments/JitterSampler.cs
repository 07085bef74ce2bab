namespace NetControl.Simulators.Network.Impairments;

/// <summary>Draws extra delays in seconds from a <see cref="JitterSettings"/> with an injected <see cref="Random"/>. Not thread-safe.</summary>
internal sealed class JitterSampler
{
    private readonly JitterSettings _settings;
    private readonly Random _random;
    private readonly double _mean;
    private readonly double _deviation;

    public JitterSampler(JitterSettings settings, Random random)
    {
        _settings = settings;
        _random = random;
        _mean = settings.Mean.TotalSeconds;
        _deviation = settings.Deviation.TotalSeconds;
    }

    /// <summary>Next extra delay in seconds (never negative).</summary>
    public double NextSeconds() => _settings.Kind switch
    {
        JitterKind.None => 0,
        JitterKind.Uniform => _mean - _deviation + (2 * _deviation * _random.NextDouble()),
        JitterKind.Normal => Math.Max(0, _mean + (_deviation * StandardNormal())),
        JitterKind.Exponential => -_mean * Math.Log(1 - _random.NextDouble()),
        _ => 0,
    };

    private double StandardNormal()
    {
        // Box-Muller; 1 - NextDouble() is in (0, 1] so the logarithm is finite.
        var u1 = 1 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
