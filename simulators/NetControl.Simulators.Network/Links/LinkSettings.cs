namespace NetControl.Simulators.Network.Links;

/// <summary>Both directions of an emulated link, each emulated independently, and an optional random seed for reproducible runs.</summary>
public sealed record LinkSettings(DirectionSettings Forward, DirectionSettings Reverse)
{
    /// <summary>Seed of the link's random draws (loss, jitter, cross traffic); null for a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>The same settings in both directions.</summary>
    public static LinkSettings Symmetric(DirectionSettings both) => new(both, both);

    /// <summary>The settings of one direction.</summary>
    public DirectionSettings For(LinkDirection direction) => direction == LinkDirection.Forward ? Forward : Reverse;

    internal void Validate(string linkId)
    {
        Forward.Validate($"link '{linkId}' forward");
        Reverse.Validate($"link '{linkId}' reverse");
    }
}
