using NetControl.Core.Topology;
using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.ShortestPath;

namespace NetControl.Benchmarking.Baselines;

/// <summary>
/// The same path problems solved with QuikGraph's own algorithms, as the baseline our engine is compared
/// with: Dijkstra on an undirected graph and Yen on a directed graph holding both directions of each link.
/// Vertices are node indexes; edge tags are link indexes.
/// </summary>
public sealed class QuikGraphPaths
{
    private readonly UndirectedGraph<int, TaggedUndirectedEdge<int, int>> _undirected = new(allowParallelEdges: true);
    private readonly AdjacencyGraph<int, EquatableTaggedEdge<int, double>> _directed = new(allowParallelEdges: false);

    /// <param name="topology">The network.</param>
    /// <param name="weight">Weight per link index; links with NaN are left out.</param>
    public QuikGraphPaths(NetworkTopology topology, double[] weight)
    {
        Weight = weight;
        _undirected.AddVertexRange(Enumerable.Range(0, topology.Nodes.Length));
        _directed.AddVertexRange(Enumerable.Range(0, topology.Nodes.Length));
        for (int e = 0; e < topology.Links.Length; e++)
        {
            if (double.IsNaN(weight[e]))
            {
                continue;
            }

            int a = topology.IndexOfNode(topology.Links[e].A.Node);
            int b = topology.IndexOfNode(topology.Links[e].B.Node);
            _undirected.AddEdge(new TaggedUndirectedEdge<int, int>(Math.Min(a, b), Math.Max(a, b), e));
            _directed.AddEdge(new EquatableTaggedEdge<int, double>(a, b, weight[e]));
            _directed.AddEdge(new EquatableTaggedEdge<int, double>(b, a, weight[e]));
        }
    }

    public double[] Weight { get; }

    /// <summary>Dijkstra from <paramref name="source"/>; cost to <paramref name="target"/> (+infinity if unreachable).</summary>
    public double Dijkstra(int source, int target, Func<int, bool>? usable = null)
    {
        var tryGetPath = _undirected.ShortestPathsDijkstra(
            e => usable is null || usable(e.Tag) ? Weight[e.Tag] : double.PositiveInfinity,
            source);
        if (!tryGetPath(target, out var path))
        {
            return double.PositiveInfinity;
        }

        double cost = 0;
        foreach (var edge in path)
        {
            cost += Weight[edge.Tag];
        }

        return cost;
    }

    /// <summary>Yen's k shortest loopless paths; their costs in order.</summary>
    public double[] Yen(int source, int target, int k)
    {
        var yen = new YenShortestPathsAlgorithm<int>(_directed, source, target, k, e => e.Tag);
        return [.. yen.Execute().Select(p => p.Sum(e => e.Tag))];
    }
}
