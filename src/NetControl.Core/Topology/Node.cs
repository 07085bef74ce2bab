using System.Collections.Immutable;

namespace NetControl.Core.Topology;

/// <summary>A node of the topology: a site, a switch, a router, a host or a reflector.</summary>
public sealed record Node
{
    public required string Id { get; init; }

    public NodeKind Kind { get; init; } = NodeKind.Site;

    /// <summary>Human name ("CERN", "StarLight"); <see cref="Id"/> when absent.</summary>
    public string? Label { get; init; }

    public GeoCoordinate? Location { get; init; }

    /// <summary>Id of the site node that houses this node, if any.</summary>
    public string? Site { get; init; }

    /// <summary>Device vendor or dialect ("glimmerglass", "calient"), for switches.</summary>
    public string? Vendor { get; init; }

    /// <summary>True for a stub outside the network proper (Topology Zoo "Internal = 0").</summary>
    public bool External { get; init; }

    public ImmutableArray<Port> Ports { get; init; } = [];

    /// <summary>Shared risk groups of the node itself (a building, a power feed).</summary>
    public ImmutableArray<string> Srlgs { get; init; } = [];

    /// <summary>Free-form attributes kept from the source.</summary>
    public ImmutableSortedDictionary<string, string> Attributes { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public string DisplayName => Label ?? Id;

    public Port? FindPort(string name)
    {
        foreach (var port in Ports)
        {
            if (port.Name == name)
            {
                return port;
            }
        }

        return null;
    }

    public override string ToString() => Label is null || Label == Id ? Id : $"{Id} ({Label})";
}
