using NetControl.Graph.Trees;
using QuikGraph;
using QuikGraph.Algorithms;

namespace NetControl.Benchmarking.Baselines;

/// <summary>The same full mesh as a QuikGraph undirected graph, for QuikGraph's own Kruskal as the baseline.</summary>
public sealed class QuikGraphTrees
{
    private readonly UndirectedGraph<int, TaggedUndirectedEdge<int, double>> _graph = new(allowParallelEdges: false);

    public QuikGraphTrees(WeightMatrix weights)
    {
        _graph.AddVertexRange(Enumerable.Range(0, weights.Count));
        foreach (var e in weights.Edges())
        {
            _graph.AddEdge(new TaggedUndirectedEdge<int, double>(Math.Min(e.U, e.V), Math.Max(e.U, e.V), e.Weight));
        }
    }

    public int EdgeCount => _graph.EdgeCount;

    /// <summary>Minimum spanning tree cost by QuikGraph's Kruskal.</summary>
    public double KruskalCost()
    {
        double cost = 0;
        foreach (var edge in _graph.MinimumSpanningTreeKruskal(e => e.Tag))
        {
            cost += edge.Tag;
        }

        return cost;
    }
}
