namespace NetControl.Probes.Bandwidth;

/// <summary>What a fleet of streams at one rate says about that rate.</summary>
public enum FleetVerdict
{
    /// <summary>Neither side reached the agreement fraction: the rate lies in the grey region around the available bandwidth.</summary>
    Grey = 0,

    /// <summary>Enough streams were increasing: the rate is above the available bandwidth.</summary>
    Increasing = 1,

    /// <summary>Enough streams were non-increasing: the rate is at or below the available bandwidth.</summary>
    NonIncreasing = 2,
}
