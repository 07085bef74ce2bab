namespace NetControl.Probes.Tests.Bandwidth;

/// <summary>How cross traffic arrives at the model bottleneck.</summary>
public enum CrossTraffic
{
    /// <summary>Constant bit rate: evenly spaced packets (random phase).</summary>
    Cbr,

    /// <summary>Poisson arrivals: exponential gaps with the same mean rate.</summary>
    Poisson,
}
