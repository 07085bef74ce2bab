using NetControl.Core.Topology;
using NetControl.Graph.Paths;
using NetControl.Graph.Tests.Paths.Support;

namespace NetControl.Graph.Tests.Paths;

public sealed class DisjointPairTests
{
    /// <summary>
    /// The trap: the shortest path s-a-b-t uses the only links that both disjoint routes need, so "shortest
    /// first, then remove its links/risks" finds nothing, while the pair s-a-t + s-b-t exists.
    /// </summary>
    private static NetworkTopology Trap(bool duct) => new TestNetwork()
        .Link("s", "a", 1, id: "sa")
        .Link("a", "b", 1, id: "ab", srlgs: duct ? ["duct"] : null)
        .Link("b", "t", 1, id: "bt")
        .Link("s", "b", 3, id: "sb")
        .Link("a", "t", 3, id: "at")
        .Build();

    [Theory]
    [InlineData(Disjointness.Link)]
    [InlineData(Disjointness.Node)]
    [InlineData(Disjointness.Srlg)]
    public void DisjointPair_TrapTopology_FindsThePairThatShortestFirstMisses(Disjointness kind)
    {
        var finder = new PathFinder(NetworkGraph.Build(Trap(duct: true)));
        var request = new PathRequest("s", "t") { Metric = PathMetric.Km };

        var shortest = finder.Shortest(request);
        var pair = finder.DisjointPair(request, kind);

        Assert.Equal<string>(["sa", "ab", "bt"], shortest.Path!.LinkIds);
        Assert.True(pair.Found, pair.Failure?.Message);
        Assert.Equal(8, pair.TotalCost);
        var routes = new[] { pair.Working.LinkIds.ToArray(), pair.Backup.LinkIds.ToArray() }.Select(r => string.Join(",", r)).Order().ToArray();
        Assert.Equal<string>(["sa,at", "sb,bt"], routes);
    }

    [Fact]
    public void DisjointPair_EverySrlgDisjointPairSharesARisk_SaysNoneExistsAndNamesTheSharedGroup()
    {
        var t = new TestNetwork()
            .Link("s", "a", 1, id: "sa", srlgs: ["cable"])
            .Link("a", "t", 1, id: "at")
            .Link("s", "b", 1, id: "sb")
            .Link("b", "t", 1, id: "bt", srlgs: ["cable"])
            .Build();
        var finder = new PathFinder(NetworkGraph.Build(t));

        var link = finder.DisjointPair(new PathRequest("s", "t") { Metric = PathMetric.Km }, Disjointness.Link);
        var srlg = finder.DisjointPair(new PathRequest("s", "t") { Metric = PathMetric.Km }, Disjointness.Srlg);

        Assert.True(link.Found);
        Assert.False(srlg.Found);
        Assert.Equal(PathFailureKind.NoDisjointPair, srlg.Failure.Kind);
        Assert.Contains("no SRLG-disjoint pair from s to t exists", srlg.Failure.Message);
        Assert.Contains("cable", srlg.Failure.Message);
    }

    [Fact]
    public void DisjointPair_BridgeLink_NamesTheLinkEveryRouteCrosses()
    {
        var t = new TestNetwork()
            .Link("s", "a", 1, id: "sa1")
            .Link("s", "a", 2, id: "sa2")
            .Link("a", "b", 1, id: "bridge")
            .Link("b", "t", 1, id: "bt1")
            .Link("b", "t", 1, id: "bt2")
            .Build();

        var result = new PathFinder(NetworkGraph.Build(t)).DisjointPair(new PathRequest("s", "t"), Disjointness.Link);

        Assert.False(result.Found);
        Assert.Equal(PathFailureKind.NoDisjointPair, result.Failure.Kind);
        Assert.Contains("every route crosses link bridge", result.Failure.Message);
    }

    [Fact]
    public void DisjointPair_CutNode_NamesTheNodeEveryRoutePassesThrough()
    {
        var t = new TestNetwork()
            .Link("s", "m", 1, id: "sm1")
            .Link("s", "m", 1, id: "sm2")
            .Link("m", "t", 1, id: "mt1")
            .Link("m", "t", 1, id: "mt2")
            .Build();
        var finder = new PathFinder(NetworkGraph.Build(t));

        var link = finder.DisjointPair(new PathRequest("s", "t"), Disjointness.Link);
        var node = finder.DisjointPair(new PathRequest("s", "t"), Disjointness.Node);

        Assert.True(link.Found);
        Assert.False(node.Found);
        Assert.Contains("every route passes through node m", node.Failure.Message);
    }

    [Fact]
    public void DisjointPair_TransitNodeSrlg_KeepsSharedRiskOffTheBackup()
    {
        // Both cheap routes pass a node in building "b513"; the backup must avoid it.
        var t = new TestNetwork()
            .Node("x", srlgs: ["b513"])
            .Node("y", srlgs: ["b513"])
            .Link("s", "x", 1, id: "sx")
            .Link("x", "t", 1, id: "xt")
            .Link("s", "y", 1, id: "sy")
            .Link("y", "t", 1, id: "yt")
            .Link("s", "z", 5, id: "sz")
            .Link("z", "t", 5, id: "zt")
            .Build();

        var result = new PathFinder(NetworkGraph.Build(t)).DisjointPair(new PathRequest("s", "t") { Metric = PathMetric.Km }, Disjointness.Srlg);

        Assert.True(result.Found);
        Assert.Equal(12, result.TotalCost);
        Assert.Equal<string>(["s", "z", "t"], result.Backup.Nodes);
    }

    [Fact]
    public void DisjointPair_ParallelLinksOfDifferentCarriers_AreAValidSrlgPair()
    {
        var t = new TestNetwork()
            .Link("gva", "chi", 8400, id: "qwest", srlgs: ["qwest"])
            .Link("gva", "chi", 8700, id: "gc", srlgs: ["gc"])
            .Build();

        var result = new PathFinder(NetworkGraph.Build(t)).DisjointPair(new PathRequest("gva", "chi") { Metric = PathMetric.Km }, Disjointness.Srlg);

        Assert.True(result.Found);
        Assert.Equal<string>(["qwest"], result.Working.LinkIds);
        Assert.Equal<string>(["gc"], result.Backup.LinkIds);
    }

    [Fact]
    public void DisjointPair_SearchLimitReached_SaysSoInsteadOfClaimingNoneExists()
    {
        // A ladder: every route crosses the "spine" risk group, so only exhausting all routes would prove no pair exists.
        var net = new TestNetwork();
        for (int i = 0; i < 6; i++)
        {
            net.Link($"u{i}", $"u{i + 1}", 1, srlgs: ["spine"]);
            net.Link($"d{i}", $"d{i + 1}", 1, srlgs: ["spine"]);
            net.Link($"u{i}", $"d{i}", 1);
        }

        net.Link("u6", "d6", 1);
        var t = net.Build();

        var result = new PathFinder(NetworkGraph.Build(t)).DisjointPair(
            new PathRequest("u0", "d6") { Metric = PathMetric.Km }, Disjointness.Srlg, new DisjointSearchOptions { MaxCandidates = 3 });

        Assert.False(result.Found);
        Assert.Equal(PathFailureKind.SearchLimit, result.Failure.Kind);
        Assert.Contains("one may still exist", result.Failure.Message);
        Assert.Equal(3, result.CandidatesExamined);
    }
}
