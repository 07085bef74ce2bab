namespace NetControl.Formats.Tests;

public class TopologyFormatNamesTests
{
    [Theory]
    [InlineData(TopologyFormat.Yaml, "yaml")]
    [InlineData(TopologyFormat.GraphMl, "graphml")]
    [InlineData(TopologyFormat.Sndlib, "sndlib")]
    public void ToNameAndTryParse_RoundTrip(TopologyFormat format, string name)
    {
        Assert.Equal(name, format.ToName());
        Assert.True(TopologyFormatNames.TryParse(name.ToUpperInvariant(), out var parsed));
        Assert.Equal(format, parsed);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownName_Fails(string? name)
    {
        Assert.False(TopologyFormatNames.TryParse(name, out _));
        Assert.Equal("yaml, graphml, sndlib", TopologyFormatNames.Accepted);
    }
}
