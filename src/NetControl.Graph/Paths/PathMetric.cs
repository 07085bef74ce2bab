namespace NetControl.Graph.Paths;

/// <summary>What a path's cost adds up.</summary>
public enum PathMetric
{
    /// <summary>One-way propagation latency in ms (given, or 5 us/km of length).</summary>
    Latency,

    /// <summary>Fibre length in km.</summary>
    Km,

    /// <summary>Number of links.</summary>
    Hops,

    /// <summary>A caller-supplied non-negative weight per link (<see cref="PathRequest.CustomWeight"/>).</summary>
    Custom,
}
