using System.Collections.Immutable;

namespace NetControl.Graph.Analysis;

/// <summary>Structural facts about a topology that a loader does not reject but a user should know.</summary>
public sealed record TopologyReport
{
    public required int Nodes { get; init; }

    public required int Links { get; init; }

    /// <summary>Node counts by kind name (site, optical-switch, ...).</summary>
    public required ImmutableSortedDictionary<string, int> NodeKinds { get; init; }

    /// <summary>Connected components, largest first, each as its node ids (site containers left out).</summary>
    public required ImmutableArray<ImmutableArray<string>> Components { get; init; }

    public required int LocatedNodes { get; init; }

    public required int LinksWithLength { get; init; }

    public required int LinksWithCapacity { get; init; }

    /// <summary>Node pairs joined by more than one link.</summary>
    public required int ParallelLinkPairs { get; init; }

    public required int ExternalNodes { get; init; }

    /// <summary>Site nodes that only house other nodes and have no links: left out of <see cref="Components"/>.</summary>
    public required int SiteContainers { get; init; }

    public required int Srlgs { get; init; }

    public required int Demands { get; init; }

    /// <summary>Plain-language warnings (disconnected graph, missing coordinates or lengths).</summary>
    public required ImmutableArray<string> Warnings { get; init; }

    public bool Connected => Components.Length <= 1;
}
