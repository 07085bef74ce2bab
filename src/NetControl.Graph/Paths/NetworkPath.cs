using System.Collections.Immutable;

namespace NetControl.Graph.Paths;

/// <summary>A loopless path: its nodes, its hops, its cost in the requested metric and its physical totals.</summary>
public sealed record NetworkPath
{
    public required ImmutableArray<string> Nodes { get; init; }

    public required ImmutableArray<PathHop> Hops { get; init; }

    public required PathMetric Metric { get; init; }

    /// <summary>Sum of the link weights in <see cref="Metric"/>.</summary>
    public required double Cost { get; init; }

    /// <summary>Total length, or null when a link's length is unknown.</summary>
    public double? LengthKm { get; init; }

    /// <summary>Total one-way latency, or null when a link's latency is unknown.</summary>
    public double? LatencyMs { get; init; }

    public IEnumerable<string> LinkIds => Hops.Select(h => h.Link.Id);

    public int HopCount => Hops.Length;

    public override string ToString() => string.Join(" > ", Nodes);
}
