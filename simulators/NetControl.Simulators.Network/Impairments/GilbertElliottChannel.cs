namespace NetControl.Simulators.Network.Impairments;

/// <summary>The Gilbert-Elliott state machine with an injected <see cref="Random"/>. Not thread-safe.</summary>
internal sealed class GilbertElliottChannel
{
    private readonly GilbertElliottSettings _settings;
    private readonly Random _random;

    public GilbertElliottChannel(GilbertElliottSettings settings, Random random)
    {
        _settings = settings;
        _random = random;
    }

    /// <summary>True while the channel is in the bad state.</summary>
    public bool InBadState { get; private set; }

    /// <summary>Decides the fate of one datagram: true when it is lost. Then moves the state.</summary>
    public bool NextIsLost()
    {
        var lossProbability = InBadState ? _settings.LossInBad : _settings.LossInGood;
        var lost = lossProbability > 0 && _random.NextDouble() < lossProbability;
        var move = InBadState ? _settings.R : _settings.P;
        if (move > 0 && _random.NextDouble() < move)
        {
            InBadState = !InBadState;
        }

        return lost;
    }
}
