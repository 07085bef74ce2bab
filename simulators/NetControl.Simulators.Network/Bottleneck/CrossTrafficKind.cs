namespace NetControl.Simulators.Network.Bottleneck;

/// <summary>The arrival process of cross traffic.</summary>
public enum CrossTrafficKind
{
    /// <summary>Exponential interarrival times at the given mean rate.</summary>
    Poisson,

    /// <summary>Fixed interarrival time: packet size · 8 / rate.</summary>
    ConstantBitRate,
}
