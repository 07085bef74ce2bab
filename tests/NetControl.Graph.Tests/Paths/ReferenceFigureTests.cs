using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Graph.Paths;
using NetControl.Tests.Shared;
using QuikGraph;
using QuikGraph.Algorithms;

namespace NetControl.Graph.Tests.Paths;

/// <summary>Results on real Topology Zoo networks, checked against the reference figures of shared/data/README.md and against QuikGraph.</summary>
public sealed class ReferenceFigureTests
{
    private static NetworkTopology LocatedGeant2012() =>
        TopologyFile.Load(SharedDataPath.Combine("topology-zoo", "Geant2012.graphml")).InducedSubgraph(n => n.Location is not null);

    [Fact]
    public void Shortest_Geant2012ChToUk_Is778Point8KmViaFrance()
    {
        var result = new PathFinder(NetworkGraph.Build(LocatedGeant2012())).Shortest(new PathRequest("CH", "UK") { Metric = PathMetric.Km });

        Assert.True(result.Found);
        Assert.Equal(778.8, result.Path.Cost, 1);
        var labels = result.Path.Nodes.Select(id => LocatedGeant2012().GetNode(id).DisplayName).ToList();
        Assert.Equal(["CH", "FR", "UK"], labels);
    }

    [Fact]
    public void KShortest_Geant2012ChToUk_MatchesTheFourReferenceLengths()
    {
        var result = new PathFinder(NetworkGraph.Build(LocatedGeant2012())).KShortest(new PathRequest("CH", "UK") { Metric = PathMetric.Km }, 4);

        Assert.Equal([778.8, 1085.0, 1186.2, 1634.8], result.Paths.Select(p => Math.Round(p.Cost, 1)));
    }

    [Fact]
    public void Shortest_Kdl_AgreesWithQuikGraphDijkstraFromEverySource()
    {
        var t = TopologyFile.Load(SharedDataPath.Combine("topology-zoo", "Kdl.graphml"));
        var finder = new PathFinder(NetworkGraph.Build(t));
        var graph = new UndirectedGraph<int, TaggedUndirectedEdge<int, double>>(allowParallelEdges: true);
        graph.AddVertexRange(Enumerable.Range(0, t.Nodes.Length));
        foreach (var link in t.Links.Where(l => l.LengthKm is not null))
        {
            int a = t.IndexOfNode(link.A.Node);
            int b = t.IndexOfNode(link.B.Node);
            graph.AddEdge(new TaggedUndirectedEdge<int, double>(Math.Min(a, b), Math.Max(a, b), link.LengthKm!.Value));
        }

        var random = new Random(7);
        for (int i = 0; i < 40; i++)
        {
            int s = random.Next(t.Nodes.Length);
            int d = random.Next(t.Nodes.Length);
            if (s == d)
            {
                continue;
            }

            var ours = finder.Shortest(new PathRequest(t.Nodes[s].Id, t.Nodes[d].Id) { Metric = PathMetric.Km });
            bool reachable = graph.ShortestPathsDijkstra(e => e.Tag, s)(d, out var path);

            Assert.Equal(reachable, ours.Found);
            if (reachable)
            {
                Assert.Equal(path!.Sum(e => e.Tag), ours.Path!.Cost, 6);
            }
        }
    }

    /// <remarks>
    /// QuikGraph's Yen (2.5.0) is not the oracle here: for CH -> UK it skips CH-IT-AT-DE-LU-FR-UK (2,258.0 km)
    /// and returns a 2,314.2 km path eighth. Bounded brute force over all simple paths is the oracle.
    /// </remarks>
    [Fact]
    public void KShortest_Geant2012_MatchesBruteForceOverAllSimplePaths()
    {
        var t = LocatedGeant2012();
        var finder = new PathFinder(NetworkGraph.Build(t));
        foreach (var (from, to) in new[] { ("CH", "UK"), ("PT", "FI"), ("IE", "IL") })
        {
            var ours = finder.KShortest(new PathRequest(from, to) { Metric = PathMetric.Km }, 8).Paths.Select(p => p.Cost).ToList();
            var all = BoundedSimplePathCosts(t, t.ResolveNode(from).Id, t.ResolveNode(to).Id, ours[^1] + 1e-6);

            Assert.Equal(all.Order().Take(8).Select(c => Math.Round(c, 6)), ours.Select(c => Math.Round(c, 6)));
        }
    }

    private static List<double> BoundedSimplePathCosts(NetworkTopology t, string from, string to, double bound)
    {
        var costs = new List<double>();
        var onPath = new HashSet<string> { from };
        void Walk(string u, double cost)
        {
            if (u == to)
            {
                costs.Add(cost);
                return;
            }

            foreach (var link in t.LinksAt(u))
            {
                string v = link.OtherEnd(u).Node;
                double next = cost + link.LengthKm!.Value;
                if (next <= bound && onPath.Add(v))
                {
                    Walk(v, next);
                    onPath.Remove(v);
                }
            }
        }

        Walk(from, 0);
        return costs;
    }
}
