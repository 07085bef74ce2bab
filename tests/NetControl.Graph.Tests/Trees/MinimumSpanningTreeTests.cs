using NetControl.Graph.Tests.Trees.Support;
using NetControl.Graph.Trees;

namespace NetControl.Graph.Tests.Trees;

public sealed class MinimumSpanningTreeTests
{
    [Fact]
    public void Prim_CompleteGraphsUpTo7Nodes_CostEqualsBruteForceOptimum()
    {
        var random = new Random(1234);
        for (int n = 1; n <= 7; n++)
        {
            for (int instance = 0; instance < 12; instance++)
            {
                var w = RandomGraphs.Complete(random, n);
                double optimum = TreeOracle.AllTreesOfCompleteGraph(w).Min(t => t.Sum(e => e.Weight));

                var result = MinimumSpanningTree.Prim(w, root: random.Next(n));

                Assert.True(result.Succeeded);
                Assert.True(result.IsOptimal);
                TreeOracle.Verify(w, result.Tree);
                Assert.Equal(optimum, result.Tree.Cost, 9);
            }
        }
    }

    [Fact]
    public void PrimAndKruskal_SparseConnectedGraphs_CostEqualsBruteForceOptimum()
    {
        var random = new Random(99);
        for (int instance = 0; instance < 60; instance++)
        {
            int n = 3 + random.Next(6);
            var w = RandomGraphs.Connected(random, n, extra: random.Next(n + 2));
            double optimum = TreeOracle.AllTreesOfGraph(w).Min(t => t.Sum(e => e.Weight));

            var prim = MinimumSpanningTree.Prim(w);
            var kruskal = MinimumSpanningTree.Kruskal(n, w.Edges());

            Assert.Equal(optimum, TreeOracle.Verify(w, prim.GetTree()).Cost, 9);
            Assert.Equal(optimum, TreeOracle.Verify(w, kruskal.GetTree()).Cost, 9);
        }
    }

    [Fact]
    public void Prim_DisconnectedGraph_FailureNamesComponentsAndTwoHosts()
    {
        // {0,1,2} and {3,4} and {5}
        var w = WeightMatrix.FromEdges(6, [new(0, 1, 1), new(1, 2, 1), new(3, 4, 1)], ["a", "b", "c", "d", "e", "f"]);

        var result = MinimumSpanningTree.Prim(w);

        Assert.False(result.Succeeded);
        Assert.Equal(TreeFailureKind.Disconnected, result.Failure.Kind);
        Assert.Equal("no spanning tree: the graph has 3 components; hosts 'a' (0) and 'd' (3) are in different ones", result.Failure.Reason);
        var e = Assert.Throws<GraphException>(() => result.GetTree());
        Assert.Equal(result.Failure.Reason, e.Message);
    }

    [Fact]
    public void Kruskal_DisconnectedEdgeList_FailsWithComponentCount()
    {
        var result = MinimumSpanningTree.Kruskal(4, [new(0, 1, 2), new(2, 3, 1), new(1, 2, double.PositiveInfinity)]);

        Assert.False(result.Succeeded);
        Assert.Equal("no spanning tree: the graph has 2 components; hosts 0 and 2 are in different ones", result.Failure.Reason);
    }
}
