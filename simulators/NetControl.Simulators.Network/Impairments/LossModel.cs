namespace NetControl.Simulators.Network.Impairments;

/// <summary>Applies <see cref="LossSettings"/> with an injected <see cref="Random"/>: Bernoulli first, then Gilbert-Elliott. Not thread-safe.</summary>
internal sealed class LossModel
{
    private readonly double _probability;
    private readonly Random _random;
    private readonly GilbertElliottChannel? _burst;

    public LossModel(LossSettings settings, Random random)
    {
        _probability = settings.Probability;
        _random = random;
        _burst = settings.Burst is { } burst ? new GilbertElliottChannel(burst, random) : null;
    }

    public LossVerdict Next()
    {
        if (_probability > 0 && _random.NextDouble() < _probability)
        {
            return LossVerdict.RandomLoss;
        }

        return _burst is not null && _burst.NextIsLost() ? LossVerdict.BurstLoss : LossVerdict.Pass;
    }
}
