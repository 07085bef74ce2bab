using System.Collections.Immutable;
using NetControl.Core.Topology;
using QuikGraph;
using QuikGraph.Algorithms.ConnectedComponents;

namespace NetControl.Graph.Analysis;

/// <summary>Computes a <see cref="TopologyReport"/>; connected components come from QuikGraph.</summary>
public static class TopologyAnalysis
{
    public static TopologyReport Analyze(NetworkTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        // A site that only houses other nodes (and has no links of its own) is a container, not a vertex.
        var housing = topology.Nodes.Where(n => n.Site is not null).Select(n => n.Site!).ToHashSet(StringComparer.Ordinal);
        var containers = topology.Nodes
            .Where((n, i) => n.Kind == NodeKind.Site && housing.Contains(n.Id) && topology.LinkIndexesAt(i).IsEmpty)
            .Select(n => n.Id)
            .ToHashSet(StringComparer.Ordinal);
        var graph = new UndirectedGraph<string, TaggedUndirectedEdge<string, string>>(allowParallelEdges: true);
        graph.AddVertexRange(topology.Nodes.Select(n => n.Id).Where(id => !containers.Contains(id)));
        graph.AddEdgeRange(topology.Links.Select(l => Comparer<string>.Default.Compare(l.A.Node, l.B.Node) <= 0
            ? new TaggedUndirectedEdge<string, string>(l.A.Node, l.B.Node, l.Id)
            : new TaggedUndirectedEdge<string, string>(l.B.Node, l.A.Node, l.Id)));
        var algorithm = new ConnectedComponentsAlgorithm<string, TaggedUndirectedEdge<string, string>>(graph);
        algorithm.Compute();

        var order = topology.Nodes.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var components = algorithm.Components
            .GroupBy(kv => kv.Value, kv => kv.Key)
            .Select(g => g.OrderBy(id => order[id]).ToImmutableArray())
            .OrderByDescending(c => c.Length)
            .ThenBy(c => order[c[0]])
            .ToImmutableArray();

        int located = topology.Nodes.Count(n => n.Location is not null);
        int withLength = topology.Links.Count(l => l.LengthKm is not null);
        int parallel = topology.Links
            .GroupBy(l => string.CompareOrdinal(l.A.Node, l.B.Node) <= 0 ? (l.A.Node, l.B.Node) : (l.B.Node, l.A.Node))
            .Count(g => g.Count() > 1);

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (components.Length > 1)
        {
            warnings.Add($"the topology is disconnected: {components.Length} components (largest {components[0].Length} nodes); nodes in different components have no path");
        }

        if (located < topology.Nodes.Length)
        {
            warnings.Add($"{topology.Nodes.Length - located} of {topology.Nodes.Length} nodes have no coordinates");
        }

        if (withLength < topology.Links.Length)
        {
            warnings.Add($"{topology.Links.Length - withLength} of {topology.Links.Length} links have no length: the km metric skips them, and the latency metric does too unless a latency is given");
        }

        return new TopologyReport
        {
            Nodes = topology.Nodes.Length,
            Links = topology.Links.Length,
            NodeKinds = topology.Nodes.GroupBy(n => n.Kind.ToName()).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Components = components,
            LocatedNodes = located,
            LinksWithLength = withLength,
            LinksWithCapacity = topology.Links.Count(l => l.Capacity is not null),
            ParallelLinkPairs = parallel,
            ExternalNodes = topology.Nodes.Count(n => n.External),
            SiteContainers = containers.Count,
            Srlgs = topology.Srlgs.Length,
            Demands = topology.Demands.Length,
            Warnings = warnings.ToImmutable(),
        };
    }
}
