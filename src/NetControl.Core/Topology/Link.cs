using System.Collections.Immutable;
using NetControl.Core.Units;

namespace NetControl.Core.Topology;

/// <summary>
/// A duplex fibre span (or circuit) between two nodes, optionally landing on named ports. Links are
/// undirected: a path may use one in either direction.
/// </summary>
public sealed record Link
{
    public required string Id { get; init; }

    public required LinkEndpoint A { get; init; }

    public required LinkEndpoint B { get; init; }

    /// <summary>Fibre route length in km, if known.</summary>
    public double? LengthKm { get; init; }

    /// <summary>One-way latency given explicitly in the source, if any.</summary>
    public double? SpecifiedLatencyMs { get; init; }

    /// <summary>Capacity of the link, if known.</summary>
    public DataRate? Capacity { get; init; }

    /// <summary>Shared risk link groups: links in one group fail together (same cable, same carrier).</summary>
    public ImmutableArray<string> Srlgs { get; init; } = [];

    public AdminState Admin { get; init; } = AdminState.Up;

    public string? Label { get; init; }

    /// <summary>Free-form attributes kept from the source (carrier, link type, notes).</summary>
    public ImmutableSortedDictionary<string, string> Attributes { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>One-way propagation latency: as given, else derived from the length at 5 us/km, else unknown.</summary>
    public double? LatencyMs => SpecifiedLatencyMs ?? (LengthKm is { } km ? Propagation.LatencyMs(km) : null);

    /// <summary>True when the latency comes from the length rather than from the source.</summary>
    public bool LatencyIsDerived => SpecifiedLatencyMs is null && LengthKm is not null;

    public bool Connects(string nodeA, string nodeB) =>
        (A.Node == nodeA && B.Node == nodeB) || (A.Node == nodeB && B.Node == nodeA);

    /// <summary>The endpoint at <paramref name="node"/>; throws if the link does not touch it.</summary>
    public LinkEndpoint EndAt(string node) =>
        A.Node == node ? A : B.Node == node ? B : throw new ArgumentException($"link '{Id}' does not touch node '{node}'", nameof(node));

    /// <summary>The endpoint opposite <paramref name="node"/>.</summary>
    public LinkEndpoint OtherEnd(string node) =>
        A.Node == node ? B : B.Node == node ? A : throw new ArgumentException($"link '{Id}' does not touch node '{node}'", nameof(node));

    public override string ToString() => $"{Id} ({A} - {B})";
}
