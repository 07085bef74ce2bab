using NetControl.Graph.Trees;

namespace NetControl.Graph.Tests.Trees;

public sealed class SpanningTreeTests
{
    // 0 - 1 - 2 - 3 path with a leaf 4 on node 1:   weights 1, 10, 2, and 4 on (1,4)
    private static readonly WeightedEdge[] Caterpillar = [new(0, 1, 1), new(1, 2, 10), new(2, 3, 2), new(1, 4, 4)];

    [Fact]
    public void FromEdges_Caterpillar_MeasuresAreExact()
    {
        var tree = SpanningTree.FromEdges(5, Caterpillar, root: 2);

        Assert.Equal(5, tree.NodeCount);
        Assert.Equal(2, tree.Root);
        Assert.Equal(17, tree.Cost);
        Assert.Equal(3, tree.MaxDegree);
        Assert.Equal(3, tree.Degree(1));
        Assert.Equal(3, tree.HopDiameter);
        Assert.Equal(16, tree.LatencyDiameter);
        Assert.Equal(-1, tree.Parents[2]);
        Assert.Equal(2, tree.Parents[1]);
        Assert.True(tree.ContainsEdge(4, 1));
        Assert.False(tree.ContainsEdge(0, 2));
        Assert.All(tree.Edges, e => Assert.True(e.U < e.V));
    }

    [Fact]
    public void FromEdges_Cycle_ThrowsGraphException()
    {
        var e = Assert.Throws<GraphException>(() => SpanningTree.FromEdges(3, [new(0, 1, 1), new(1, 2, 1), new(2, 0, 1)]));
        Assert.Contains("cycle", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEdges_TooFewEdges_ThrowsGraphException()
    {
        var e = Assert.Throws<GraphException>(() => SpanningTree.FromEdges(4, [new(0, 1, 1), new(2, 3, 1)]));
        Assert.Contains("cannot span 4 nodes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEdges_SingleNode_EmptyTree()
    {
        var tree = SpanningTree.FromEdges(1, []);

        Assert.Empty(tree.Edges);
        Assert.Equal(0, tree.Cost);
        Assert.Equal(0, tree.HopDiameter);
        Assert.Equal(0, tree.LatencyDiameter);
    }

    [Fact]
    public void IsSpanningTreeOf_WeightChangedInMatrix_ReportsTheEdge()
    {
        var tree = SpanningTree.FromEdges(5, Caterpillar);
        var same = WeightMatrix.FromEdges(5, [.. Caterpillar, new(0, 4, 3)]);
        var changed = WeightMatrix.FromEdges(5, [new(0, 1, 1), new(1, 2, 11), new(2, 3, 2), new(1, 4, 4)]);
        var missing = WeightMatrix.FromEdges(5, [new(0, 1, 1), new(1, 2, 10), new(2, 3, 2)]);

        Assert.True(tree.IsSpanningTreeOf(same, out _));
        Assert.False(tree.IsSpanningTreeOf(changed, out string? why));
        Assert.Contains("(1, 2) weighs 10 in the tree and 11 in the matrix", why, StringComparison.Ordinal);
        Assert.False(tree.IsSpanningTreeOf(missing, out why));
        Assert.Contains("(1, 4) is not an edge", why, StringComparison.Ordinal);
        Assert.False(tree.IsSpanningTreeOf(WeightMatrix.FromEdges(4, [new(0, 1, 1)]), out why));
        Assert.Contains("spans 5 nodes", why, StringComparison.Ordinal);
    }

    [Fact]
    public void FindViolation_EachLimit_NamesTheFirstBroken()
    {
        var tree = SpanningTree.FromEdges(5, Caterpillar);

        Assert.Null(tree.FindViolation(new TreeConstraints { MaxDegree = 3, MaxHopDiameter = 3, MaxLatencyDiameterMs = 16 }));
        Assert.Contains("node 1 has degree 3, above the limit 2", tree.FindViolation(new TreeConstraints { MaxDegree = 2 }), StringComparison.Ordinal);
        Assert.Contains("hop diameter 3 is above the limit 2", tree.FindViolation(new TreeConstraints { MaxHopDiameter = 2 }), StringComparison.Ordinal);
        Assert.Contains("latency diameter 16 ms is above the limit 15.5 ms", tree.FindViolation(new TreeConstraints { MaxLatencyDiameterMs = 15.5 }), StringComparison.Ordinal);
        Assert.True(tree.Satisfies(TreeConstraints.None));
    }

    [Fact]
    public void CostUnder_NewWeightsAndMissingEdge_RepricesOrInfinity()
    {
        var tree = SpanningTree.FromEdges(5, Caterpillar);
        var heavier = WeightMatrix.FromEdges(5, [new(0, 1, 2), new(1, 2, 10), new(2, 3, 2), new(1, 4, 4)]);
        var missing = WeightMatrix.FromEdges(5, [new(0, 1, 1), new(1, 2, 10), new(2, 3, 2)]);

        Assert.Equal(18, tree.CostUnder(heavier));
        Assert.Equal(double.PositiveInfinity, tree.CostUnder(missing));
    }

    [Fact]
    public void TreeConstraints_InvalidLimits_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TreeConstraints { MaxDegree = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TreeConstraints { MaxHopDiameter = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TreeConstraints { MaxLatencyDiameterMs = double.NaN });
        Assert.Equal("max degree 2, hop diameter 4 and latency diameter 12.5 ms", new TreeConstraints { MaxDegree = 2, MaxHopDiameter = 4, MaxLatencyDiameterMs = 12.5 }.Describe());
        Assert.Equal("max hop diameter 3", new TreeConstraints { MaxHopDiameter = 3 }.Describe());
    }
}
