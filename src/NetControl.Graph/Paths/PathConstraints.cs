using System.Collections.Immutable;
using NetControl.Core.Topology;
using NetControl.Core.Units;

namespace NetControl.Graph.Paths;

/// <summary>What a path must respect. The defaults constrain nothing beyond the link state.</summary>
public sealed record PathConstraints
{
    public static PathConstraints None { get; } = new();

    public ImmutableHashSet<string> ExcludeNodes { get; init; } = [];

    public ImmutableHashSet<string> ExcludeLinks { get; init; } = [];

    /// <summary>Links in these SRLGs, and nodes in them, are not used.</summary>
    public ImmutableHashSet<string> ExcludeSrlgs { get; init; } = [];

    /// <summary>Every link must have at least this much free capacity.</summary>
    public DataRate? MinFreeCapacity { get; init; }

    /// <summary>Free capacity of a link (capacity minus reservations). Default: the link's capacity; unknown capacity counts as none.</summary>
    public Func<Link, DataRate?>? FreeCapacity { get; init; }

    /// <summary>Upper bound on the path's one-way latency. Links of unknown latency are then unusable.</summary>
    public double? MaxLatencyMs { get; init; }

    /// <summary>Which ports are free. Null: all ports are free except those administratively down.</summary>
    public IPortAvailability? Ports { get; init; }

    /// <summary>
    /// True (default) for a bidirectional lightpath: both fibres of every traversed port pair must be free.
    /// False for a one-way path: only the output side at the sending end and the input side at the receiving end.
    /// </summary>
    public bool Duplex { get; init; } = true;

    /// <summary>Avoid links reported degraded, not only those reported down.</summary>
    public bool AvoidDegraded { get; init; }
}
