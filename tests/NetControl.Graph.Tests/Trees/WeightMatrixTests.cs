using System.Collections.Immutable;
using NetControl.Core.Measurements;
using NetControl.Graph.Trees;

namespace NetControl.Graph.Tests.Trees;

public sealed class WeightMatrixTests
{
    [Fact]
    public void FromLatency_AsymmetricAndUnmeasuredPairs_MeanOfMeasuredDirectionsAndNoEdgeWhereNone()
    {
        double nan = double.NaN;
        var latency = new LatencyMatrix(
            ["a", "b", "c"],
            [
                0, 10, nan,
                20, 0, nan,
                nan, 7, 0,
            ]);

        var w = WeightMatrix.FromLatency(latency);

        Assert.Equal(3, w.Count);
        Assert.Equal(new[] { "a", "b", "c" }, w.Names.ToArray());
        Assert.Equal(15, w[0, 1]);
        Assert.Equal(15, w[1, 0]);
        Assert.Equal(7, w[1, 2]);
        Assert.Equal(7, w[2, 1]);
        Assert.False(w.HasEdge(0, 2));
        Assert.Equal(double.PositiveInfinity, w[2, 0]);
        Assert.False(w.HasEdge(1, 1));
        Assert.Equal(2, w.EdgeCount());
    }

    [Fact]
    public void FromEdges_ParallelEdges_KeepsLightest()
    {
        var w = WeightMatrix.FromEdges(3, [new(0, 1, 5), new(1, 0, 3), new(0, 1, 4), new(1, 2, double.PositiveInfinity)]);

        Assert.Equal(3, w[0, 1]);
        Assert.False(w.HasEdge(1, 2));
        Assert.Equal([new WeightedEdge(0, 1, 3)], w.Edges());
        Assert.Equal(new[] { "0", "1", "2" }, w.Names.ToArray());
    }

    [Theory]
    [InlineData(0, 0, 1.0)]
    [InlineData(0, 3, 1.0)]
    [InlineData(-1, 1, 1.0)]
    [InlineData(0, 1, -1.0)]
    [InlineData(0, 1, double.NaN)]
    public void FromEdges_InvalidEdge_Throws(int u, int v, double weight)
    {
        Assert.ThrowsAny<ArgumentException>(() => WeightMatrix.FromEdges(3, [new(u, v, weight)]));
    }

    [Fact]
    public void FromEdges_DuplicateNames_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => WeightMatrix.FromEdges(2, [new(0, 1, 1)], ["x", "x"]));
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromLatency_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => WeightMatrix.FromLatency(new LatencyMatrix(ImmutableArray<string>.Empty, [])));
    }
}
