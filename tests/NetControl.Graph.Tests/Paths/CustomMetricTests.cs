using NetControl.Core.Topology;
using NetControl.Graph.Paths;
using NetControl.Graph.Tests.Paths.Support;

namespace NetControl.Graph.Tests.Paths;

/// <summary><see cref="PathMetric.Custom"/>: a caller's non-negative weight per link; NaN makes a link unusable.</summary>
public sealed class CustomMetricTests
{
    /// <summary>a-b-d is short in km, a-c-d is cheap in the custom weight.</summary>
    private static NetworkTopology Square() => new TestNetwork()
        .Link("a", "b", 10, id: "ab")
        .Link("b", "d", 10, id: "bd")
        .Link("a", "c", 15, id: "ac")
        .Link("c", "d", 15, id: "cd")
        .Build();

    private static PathRequest Request(Func<Link, double>? weight) =>
        new("a", "d") { Metric = PathMetric.Custom, CustomWeight = weight };

    private static double Cheaper(Link l) => l.Id is "ac" or "cd" ? 1 : 5;

    [Fact]
    public void Shortest_CustomWeight_MinimisesTheCallersWeightNotKm()
    {
        var result = new PathFinder(NetworkGraph.Build(Square())).Shortest(Request(Cheaper));

        Assert.Equal<string>(["a", "c", "d"], result.Path!.Nodes);
        Assert.Equal(2, result.Path.Cost);
        Assert.Equal(30, result.Path.LengthKm);
    }

    [Fact]
    public void Shortest_CustomWeightNaN_LinkIsUnusable()
    {
        var result = new PathFinder(NetworkGraph.Build(Square())).Shortest(Request(l => l.Id == "cd" ? double.NaN : Cheaper(l)));

        Assert.Equal<string>(["a", "b", "d"], result.Path!.Nodes);
        Assert.Equal(10, result.Path.Cost);
    }

    /// <summary>Regression: the diagnosis listed links without a latency (here none) instead of the links the function ruled out.</summary>
    [Fact]
    public void Shortest_CustomWeightNaNOnEveryRoute_FailureNamesTheUnweightedLinks()
    {
        var result = new PathFinder(NetworkGraph.Build(Square())).Shortest(Request(l => l.Id is "bd" or "cd" ? double.NaN : 1));

        Assert.False(result.Found);
        Assert.Equal("no path from a to d: blocked by links without a custom value: bd, cd", result.Failure.Message);
    }

    [Fact]
    public void Shortest_CustomMetricWithoutFunction_InvalidRequest()
    {
        var result = new PathFinder(NetworkGraph.Build(Square())).Shortest(Request(null));

        Assert.Equal(PathFailureKind.InvalidRequest, result.Failure!.Kind);
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void Shortest_CustomWeightInfiniteOrNegative_InvalidRequestNamingTheLink(double weight)
    {
        var finder = new PathFinder(NetworkGraph.Build(Square()));
        var request = Request(l => l.Id == "ab" ? weight : 1);

        foreach (var failure in new[] { finder.Shortest(request).Failure, finder.KShortest(request, 3).Failure, finder.DisjointPair(request, Disjointness.Link).Failure })
        {
            Assert.Equal(PathFailureKind.InvalidRequest, failure!.Kind);
            Assert.Equal(FormattableString.Invariant($"custom weight of link 'ab' is {weight}: it must be finite and non-negative (NaN makes a link unusable)"), failure.Message);
        }
    }
}
