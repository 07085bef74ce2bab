using NetControl.Core.Measurements;

namespace NetControl.Core.Tests.Measurements;

public class LatencyMatrixTests
{
    private static LatencyMatrix Make(params double[] values) =>
        new([.. Enumerable.Range(0, (int)Math.Sqrt(values.Length)).Select(i => $"h{i}")], values);

    [Fact]
    public void Constructor_CopiesValuesAndZeroesTheDiagonal()
    {
        double[] values = [5, 1, double.NaN, 1, 5, 2, 3, 2, 5];
        var m = Make(values);
        values[1] = 99;
        Assert.Equal(3, m.Count);
        Assert.Equal(1, m[0, 1]);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal(0, m[i, i]));
        Assert.True(double.IsNaN(m[0, 2]));
        Assert.Equal(2, m.IndexOf("h2"));
    }

    [Fact]
    public void Undirected_MeanOfMeasuredDirections()
    {
        var m = Make(0, 10, double.NaN, 20, 0, double.NaN, 7, double.NaN, 0);
        Assert.Equal(15, m.Undirected(0, 1));
        Assert.Equal(7, m.Undirected(0, 2));
        Assert.Equal(7, m.Undirected(2, 0));
        Assert.True(double.IsNaN(m.Undirected(1, 2)));
    }

    [Fact]
    public void AsymmetricPairs_CountsPairsThatDiffer()
    {
        var m = Make(0, 10, double.NaN, 10.0000001, 0, 3, 7, 3, 0);
        Assert.Equal(2, m.AsymmetricPairs());
        Assert.Equal(1, m.AsymmetricPairs(toleranceMs: 0.001));
    }

    [Fact]
    public void Constructor_InvalidInput_Throws()
    {
        Assert.Contains("needs 4 values, got 3", Assert.Throws<ArgumentException>(() => new LatencyMatrix(["a", "b"], [0, 1, 1])).Message, StringComparison.Ordinal);
        Assert.Contains("must be unique", Assert.Throws<ArgumentException>(() => new LatencyMatrix(["a", "a"], [0, 1, 1, 0])).Message, StringComparison.Ordinal);
        Assert.Contains("RTT [0,1] = -1", Assert.Throws<ArgumentException>(() => new LatencyMatrix(["a", "b"], [0, -1, 1, 0])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new LatencyMatrix(["a", "b"], [0, double.PositiveInfinity, 1, 0]));
        Assert.Equal("no host 'z' in the latency matrix", Assert.Throws<KeyNotFoundException>(() => Make(0).IndexOf("z")).Message);
    }
}
