namespace NetControl.Probes.Bandwidth;

/// <summary>What the one-way delays of one periodic stream say about its rate against the available bandwidth.</summary>
public enum TrendVerdict
{
    /// <summary>The metrics disagree, or too few packets arrived to tell.</summary>
    Ambiguous = 0,

    /// <summary>Delays grow along the stream: the stream rate exceeds the available bandwidth (pathload "type I").</summary>
    Increasing = 1,

    /// <summary>No growing trend: the stream rate is at or below the available bandwidth (pathload "type N").</summary>
    NonIncreasing = 2,
}
