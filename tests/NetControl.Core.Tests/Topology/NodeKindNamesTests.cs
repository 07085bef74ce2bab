using NetControl.Core.Topology;

namespace NetControl.Core.Tests.Topology;

public class NodeKindNamesTests
{
    [Theory]
    [InlineData(NodeKind.Site, "site")]
    [InlineData(NodeKind.OpticalSwitch, "optical-switch")]
    [InlineData(NodeKind.Router, "router")]
    [InlineData(NodeKind.Host, "host")]
    [InlineData(NodeKind.Reflector, "reflector")]
    public void ToNameAndTryParse_RoundTripCaseInsensitively(NodeKind kind, string name)
    {
        Assert.Equal(name, kind.ToName());
        Assert.True(NodeKindNames.TryParse(name.ToUpperInvariant(), out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Theory]
    [InlineData("OpticalSwitch")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_OtherSpelling_Fails(string? text)
    {
        Assert.False(NodeKindNames.TryParse(text, out _));
        Assert.Equal("site, optical-switch, router, host, reflector", NodeKindNames.Accepted);
    }
}
