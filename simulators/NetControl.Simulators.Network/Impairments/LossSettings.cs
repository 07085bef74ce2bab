namespace NetControl.Simulators.Network.Impairments;

/// <summary>
/// Loss of one direction: independent (Bernoulli) loss with <see cref="Probability"/>, then, for datagrams that
/// survived it, optional Gilbert-Elliott burst loss. Both apply at ingress, before the bottleneck.
/// </summary>
public sealed record LossSettings
{
    /// <summary>No loss.</summary>
    public static LossSettings None { get; } = new();

    /// <summary>Bernoulli loss probability per datagram.</summary>
    public double Probability { get; init; }

    /// <summary>Burst loss, if any.</summary>
    public GilbertElliottSettings? Burst { get; init; }

    /// <summary>Bernoulli loss only.</summary>
    public static LossSettings Random(double probability) => new() { Probability = probability };

    /// <summary>Gilbert-Elliott loss only.</summary>
    public static LossSettings GilbertElliott(double p, double r, double lossInBad = 1.0, double lossInGood = 0.0) =>
        new() { Burst = new GilbertElliottSettings(p, r, lossInBad, lossInGood) };

    internal void Validate(string where)
    {
        if (Probability is < 0 or > 1 || double.IsNaN(Probability))
        {
            throw new Links.InvalidLinkSettingsException($"{where}: loss probability {Probability} is not in [0, 1]");
        }

        Burst?.Validate(where);
    }
}
