namespace NetControl.Core.Topology;

/// <summary>A traffic demand between two nodes (SNDlib), in the source's unit.</summary>
public sealed record Demand(string Id, string Source, string Target, double Value)
{
    /// <summary>Maximum path length in hops, or null for unlimited.</summary>
    public int? MaxPathLength { get; init; }
}
