using System.Collections.Immutable;
using NetControl.Core.Topology;
using NetControl.Core.Units;

namespace NetControl.Orchestration.Routing;

/// <summary>What a route must satisfy: exclusions by id (node, link or SRLG), waypoints, a latency budget, free ports and capacity.</summary>
public sealed record RouteConstraints
{
    public ImmutableArray<string> Exclude { get; init; } = [];

    public ImmutableArray<string> Via { get; init; } = [];

    public double? MaxLatencyMs { get; init; }

    public DataRate? Bandwidth { get; init; }

    /// <summary>Ports free over the window (null: all).</summary>
    public IPortAvailability? Ports { get; init; }

    /// <summary>Free capacity per link over the window (null: capacity is not checked).</summary>
    public Func<Link, DataRate?>? FreeCapacity { get; init; }

    /// <summary>Extra SRLGs and links to avoid (restoration adds the failed ones).</summary>
    public ImmutableHashSet<string> AvoidSrlgs { get; init; } = [];

    public ImmutableHashSet<string> AvoidLinks { get; init; } = [];
}
