using NetControl.Core.Topology;

namespace NetControl.Core.Tests.Topology;

public class LinkTests
{
    private static Link Make(double? km = null, double? ms = null) =>
        new() { Id = "l", A = new LinkEndpoint("A", "1"), B = new LinkEndpoint("B"), LengthKm = km, SpecifiedLatencyMs = ms };

    [Fact]
    public void LatencyMs_FromLength_IsFiveMicrosecondsPerKm()
    {
        var link = Make(km: 1000);
        Assert.Equal(5.0, link.LatencyMs!.Value, 12);
        Assert.True(link.LatencyIsDerived);
        Assert.Equal(0.005, Propagation.MillisecondsPerKm);
        Assert.Equal(31, Propagation.LatencyMs(6200), 12);
    }

    [Fact]
    public void LatencyMs_Specified_WinsOverLength()
    {
        var link = Make(km: 1000, ms: 12.5);
        Assert.Equal(12.5, link.LatencyMs);
        Assert.False(link.LatencyIsDerived);
    }

    [Fact]
    public void LatencyMs_NeitherGiven_IsUnknown()
    {
        Assert.Null(Make().LatencyMs);
        Assert.False(Make().LatencyIsDerived);
    }

    [Fact]
    public void Ends_AreUndirected()
    {
        var link = Make();
        Assert.True(link.Connects("A", "B"));
        Assert.True(link.Connects("B", "A"));
        Assert.False(link.Connects("A", "C"));
        Assert.Equal(new LinkEndpoint("A", "1"), link.EndAt("A"));
        Assert.Equal(new LinkEndpoint("B"), link.OtherEnd("A"));
        Assert.Equal(new LinkEndpoint("A", "1"), link.OtherEnd("B"));
        Assert.Equal("node", Assert.Throws<ArgumentException>(() => link.EndAt("C")).ParamName);
        Assert.Equal("node", Assert.Throws<ArgumentException>(() => link.OtherEnd("C")).ParamName);
    }

    [Fact]
    public void Defaults_AreUpWithNothingElse()
    {
        var link = Make();
        Assert.Equal(AdminState.Up, link.Admin);
        Assert.Empty(link.Srlgs);
        Assert.Empty(link.Attributes);
        Assert.Null(link.Capacity);
        Assert.Equal("l (A:1 - B)", link.ToString());
    }
}
