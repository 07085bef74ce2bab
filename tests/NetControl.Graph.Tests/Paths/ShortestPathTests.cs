using NetControl.Core.LinkState;
using NetControl.Core.Topology;
using NetControl.Core.Units;
using NetControl.Graph.Paths;
using NetControl.Graph.Tests.Paths.Support;

namespace NetControl.Graph.Tests.Paths;

public sealed class ShortestPathTests
{
    private static NetworkTopology Square() => new TestNetwork()
        .Link("a", "b", 10, id: "ab", gbps: 10, srlgs: ["x"])
        .Link("b", "d", 10, id: "bd", gbps: 10)
        .Link("a", "c", 15, id: "ac", gbps: 100)
        .Link("c", "d", 15, id: "cd", gbps: 100, srlgs: ["y"])
        .Build();

    [Fact]
    public void Shortest_NoConstraints_TakesTheShortestRouteWithTotals()
    {
        var result = new PathFinder(NetworkGraph.Build(Square())).Shortest(new PathRequest("a", "d") { Metric = PathMetric.Km });

        Assert.True(result.Found);
        Assert.Equal<string>(["a", "b", "d"], result.Path.Nodes);
        Assert.Equal(20, result.Path.Cost);
        Assert.Equal(20, result.Path.LengthKm);
        Assert.Equal(0.1, result.Path.LatencyMs!.Value, 9);
        Assert.Equal("a", result.Path.Hops[0].From.Node);
        Assert.Equal("b", result.Path.Hops[0].To.Node);
    }

    [Fact]
    public void Shortest_MinimumCapacity_AvoidsThinLinks()
    {
        var request = new PathRequest("a", "d") { Metric = PathMetric.Km, Constraints = new PathConstraints { MinFreeCapacity = DataRate.FromGbps(40) } };

        var result = new PathFinder(NetworkGraph.Build(Square())).Shortest(request);

        Assert.Equal<string>(["a", "c", "d"], result.Path!.Nodes);
    }

    [Fact]
    public void Shortest_FreeCapacityFunction_UsesReservationsNotRawCapacity()
    {
        var request = new PathRequest("a", "d")
        {
            Metric = PathMetric.Km,
            Constraints = new PathConstraints
            {
                MinFreeCapacity = DataRate.FromGbps(10),
                FreeCapacity = l => l.Id == "bd" ? DataRate.FromGbps(1) : l.Capacity,
            },
        };

        var result = new PathFinder(NetworkGraph.Build(Square())).Shortest(request);

        Assert.Equal<string>(["a", "c", "d"], result.Path!.Nodes);
    }

    [Fact]
    public void Shortest_LinkDownInState_RoutesAroundIt()
    {
        var t = Square();
        var state = LinkStateOverlay.For(t).With("bd", LinkCondition.Down, "LOS", DateTimeOffset.UnixEpoch);

        var result = new PathFinder(NetworkGraph.Build(t, state)).Shortest(new PathRequest("a", "d") { Metric = PathMetric.Km });

        Assert.Equal<string>(["a", "c", "d"], result.Path!.Nodes);
    }

    [Fact]
    public void Shortest_DegradedLink_UsedUnlessAvoidDegraded()
    {
        var t = Square();
        var state = LinkStateOverlay.For(t).With("ab", LinkCondition.Degraded, "loss 2%", DateTimeOffset.UnixEpoch);
        var finder = new PathFinder(NetworkGraph.Build(t, state));

        var normal = finder.Shortest(new PathRequest("a", "d") { Metric = PathMetric.Km });
        var avoiding = finder.Shortest(new PathRequest("a", "d") { Metric = PathMetric.Km, Constraints = new PathConstraints { AvoidDegraded = true } });

        Assert.Contains("ab", normal.Path!.LinkIds);
        Assert.DoesNotContain("ab", avoiding.Path!.LinkIds);
    }

    [Fact]
    public void Shortest_AdminDownLink_IsNeverUsed()
    {
        var t = new TestNetwork()
            .Link("a", "b", 1, id: "short", admin: AdminState.Down)
            .Link("a", "b", 5, id: "long")
            .Build();

        var result = new PathFinder(NetworkGraph.Build(t)).Shortest(new PathRequest("a", "b") { Metric = PathMetric.Km });

        Assert.Equal<string>(["long"], result.Path!.LinkIds);
    }

    [Fact]
    public void Shortest_ExcludedSrlgBlocksEverything_FailureNamesTheSrlgs()
    {
        var request = new PathRequest("a", "d") { Constraints = new PathConstraints { ExcludeSrlgs = ["x", "y"] } };

        var result = new PathFinder(NetworkGraph.Build(Square())).Shortest(request);

        Assert.False(result.Found);
        Assert.Equal(PathFailureKind.Blocked, result.Failure.Kind);
        Assert.Equal("no path from a to d: blocked by excluded SRLGs: x, y", result.Failure.Message);
    }

    [Fact]
    public void Shortest_TwoConstraintsEachBlocking_FailureNamesBoth()
    {
        var t = Square();
        var state = LinkStateOverlay.For(t).With("cd", LinkCondition.Down, "LOS", DateTimeOffset.UnixEpoch);
        var request = new PathRequest("a", "d") { Constraints = new PathConstraints { ExcludeLinks = ["bd"] } };

        var result = new PathFinder(NetworkGraph.Build(t, state)).Shortest(request);

        Assert.False(result.Found);
        Assert.Equal<string>(["links down: cd", "excluded links: bd"], result.Failure.BlockingConstraints);
        Assert.Contains("relaxing any one would allow it", result.Failure.Message);
    }

    [Fact]
    public void Shortest_LatencyBoundTooTight_FailureNamesTheBound()
    {
        var request = new PathRequest("a", "d") { Metric = PathMetric.Hops, Constraints = new PathConstraints { MaxLatencyMs = 0.05 } };

        var result = new PathFinder(NetworkGraph.Build(Square())).Shortest(request);

        Assert.False(result.Found);
        Assert.Equal("no path from a to d: blocked by maximum latency 0.05 ms", result.Failure.Message);
    }

    [Fact]
    public void Shortest_LatencyBoundWithHopMetric_PicksFewestHopsWithinTheBound()
    {
        // Direct link is one hop but slow; the three-hop route is fast.
        var t = new TestNetwork()
            .Link("a", "d", 100, id: "slow", latencyMs: 30)
            .Link("a", "b", 10, id: "ab", latencyMs: 2)
            .Link("b", "c", 10, id: "bc", latencyMs: 2)
            .Link("c", "d", 10, id: "cd", latencyMs: 2)
            .Build();
        var finder = new PathFinder(NetworkGraph.Build(t));

        var unbounded = finder.Shortest(new PathRequest("a", "d") { Metric = PathMetric.Hops });
        var bounded = finder.Shortest(new PathRequest("a", "d") { Metric = PathMetric.Hops, Constraints = new PathConstraints { MaxLatencyMs = 10 } });

        Assert.Equal<string>(["slow"], unbounded.Path!.LinkIds);
        Assert.Equal<string>(["ab", "bc", "cd"], bounded.Path!.LinkIds);
        Assert.Equal(6, bounded.Path.LatencyMs);
    }

    [Fact]
    public void Shortest_DisconnectedTopology_SaysNoRoute()
    {
        var t = new TestNetwork().Link("a", "b", 1).Link("c", "d", 1).Build();

        var result = new PathFinder(NetworkGraph.Build(t)).Shortest(new PathRequest("a", "d"));

        Assert.Equal(PathFailureKind.NoRoute, result.Failure!.Kind);
        Assert.Contains("different connected parts", result.Failure.Message);
    }

    [Theory]
    [InlineData("a", "zz", "no node 'zz'")]
    [InlineData("a", "a", "from and to are the same node 'a'")]
    public void Shortest_BadEndpoints_IsAnInvalidRequest(string from, string to, string message)
    {
        var result = new PathFinder(NetworkGraph.Build(Square())).Shortest(new PathRequest(from, to));

        Assert.Equal(PathFailureKind.InvalidRequest, result.Failure!.Kind);
        Assert.Contains(message, result.Failure.Message);
    }

    [Fact]
    public void Shortest_UnknownExclusion_IsAnInvalidRequest()
    {
        var result = new PathFinder(NetworkGraph.Build(Square())).Shortest(
            new PathRequest("a", "d") { Constraints = new PathConstraints { ExcludeSrlgs = ["nope"] } });

        Assert.Equal(PathFailureKind.InvalidRequest, result.Failure!.Kind);
        Assert.Equal("excluded SRLG 'nope' is not in topology 'test'", result.Failure.Message);
    }

    [Fact]
    public void Shortest_LinkWithoutLength_IsSkippedForKmAndNamedWhenItBlocks()
    {
        var t = new TopologyBuilder("t")
            .AddNode(new Node { Id = "a" })
            .AddNode(new Node { Id = "b" })
            .AddLink(new Link { Id = "unknown", A = new("a"), B = new("b") })
            .Build();
        var finder = new PathFinder(NetworkGraph.Build(t));

        var km = finder.Shortest(new PathRequest("a", "b") { Metric = PathMetric.Km });
        var hops = finder.Shortest(new PathRequest("a", "b") { Metric = PathMetric.Hops });

        Assert.Equal("no path from a to b: blocked by links without a km value: unknown", km.Failure!.Message);
        Assert.True(hops.Found);
    }

    [Fact]
    public void Shortest_ByLabel_ResolvesUniqueLabels()
    {
        var t = new TopologyBuilder("t")
            .AddNode(new Node { Id = "1", Label = "CH" })
            .AddNode(new Node { Id = "2", Label = "UK" })
            .AddLink(new Link { Id = "l", A = new("1"), B = new("2"), LengthKm = 5 })
            .Build();

        var result = new PathFinder(NetworkGraph.Build(t)).Shortest(new PathRequest("ch", "uk"));

        Assert.Equal<string>(["1", "2"], result.Path!.Nodes);
    }

    [Fact]
    public void KShortest_ParallelLinks_AreDistinctPaths()
    {
        var t = new TestNetwork().Link("a", "b", 1, id: "p1").Link("a", "b", 2, id: "p2").Link("a", "b", 3, id: "p3").Build();

        var result = new PathFinder(NetworkGraph.Build(t)).KShortest(new PathRequest("a", "b") { Metric = PathMetric.Km }, 5);

        Assert.Equal([1d, 2d, 3d], result.Paths.Select(p => p.Cost));
        Assert.Equal<string>(["p1", "p2", "p3"], result.Paths.Select(p => p.LinkIds.Single()));
    }

    [Fact]
    public void Graph_StateFromAnotherSnapshot_IsRejected()
    {
        var state = LinkStateOverlay.For(Square());

        Assert.Throws<ArgumentException>(() => NetworkGraph.Build(Square(), state));
    }
}
