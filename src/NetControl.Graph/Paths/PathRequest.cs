using NetControl.Core.Topology;

namespace NetControl.Graph.Paths;

/// <summary>A path computation request between two nodes (ids, or labels when unique).</summary>
public sealed record PathRequest(string From, string To)
{
    public PathMetric Metric { get; init; } = PathMetric.Latency;

    /// <summary>Weight of a link when <see cref="Metric"/> is <see cref="PathMetric.Custom"/>; NaN makes the link unusable.</summary>
    public Func<Link, double>? CustomWeight { get; init; }

    public PathConstraints Constraints { get; init; } = PathConstraints.None;
}
