namespace NetControl.Simulators.Network.Impairments;

/// <summary>
/// The extra delay distribution of one direction. Draws are never negative: uniform requires
/// Mean &gt;= Deviation, normal draws below zero are clamped to zero.
/// </summary>
public sealed record JitterSettings
{
    /// <summary>No jitter.</summary>
    public static JitterSettings None { get; } = new();

    public JitterKind Kind { get; init; } = JitterKind.None;

    /// <summary>Mean of the extra delay.</summary>
    public TimeSpan Mean { get; init; }

    /// <summary>Half-width (uniform) or standard deviation (normal); unused for exponential.</summary>
    public TimeSpan Deviation { get; init; }

    /// <summary>Uniform on [mean - halfWidth, mean + halfWidth].</summary>
    public static JitterSettings Uniform(TimeSpan mean, TimeSpan halfWidth) =>
        new() { Kind = JitterKind.Uniform, Mean = mean, Deviation = halfWidth };

    /// <summary>Normal, clamped at zero.</summary>
    public static JitterSettings Normal(TimeSpan mean, TimeSpan standardDeviation) =>
        new() { Kind = JitterKind.Normal, Mean = mean, Deviation = standardDeviation };

    /// <summary>Exponential with the given mean.</summary>
    public static JitterSettings Exponential(TimeSpan mean) =>
        new() { Kind = JitterKind.Exponential, Mean = mean };

    internal void Validate(string where)
    {
        if (Mean < TimeSpan.Zero || Deviation < TimeSpan.Zero)
        {
            throw new Links.InvalidLinkSettingsException($"{where}: jitter mean and deviation must not be negative");
        }

        if (Kind == JitterKind.Uniform && Deviation > Mean)
        {
            throw new Links.InvalidLinkSettingsException($"{where}: uniform jitter needs mean >= half-width (draws would be negative)");
        }
    }
}
