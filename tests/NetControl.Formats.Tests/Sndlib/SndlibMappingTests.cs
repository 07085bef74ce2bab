using NetControl.Core.Topology;
using NetControl.Core.Units;

namespace NetControl.Formats.Tests.Sndlib;

/// <summary>How SNDlib maps into the model, on a small network.</summary>
public class SndlibMappingTests
{
    private const string File = "small.txt";

    [Fact]
    public void Parse_SmallNetwork_MapsEveryPart()
    {
        var t = TopologyFile.Parse(SndlibText.Network, File);
        Assert.Equal("small", t.Name);
        Assert.Equal(new GeoCoordinate(46.20, 6.14), t.GetNode("A").Location);
        Assert.Null(t.GetNode("C").Location);

        var l1 = t.GetLink("L1");
        Assert.Equal(DataRate.FromGbps(40), l1.Capacity);
        Assert.Equal("40", l1.Attributes["capacity"]);
        Assert.Equal("10/100 40/300", l1.Attributes["modules"]);
        Assert.Equal("1.5", l1.Attributes["routing-cost"]);
        Assert.Equal("2", l1.Attributes["setup-cost"]);
        Assert.Equal("GBITPERSEC", l1.Attributes["capacity-unit"]);
        Assert.Equal(new GeoCoordinate(46.20, 6.14).DistanceKmTo(new GeoCoordinate(48.86, 2.35)), l1.LengthKm);

        var l2 = t.GetLink("L2");
        Assert.Equal(DataRate.FromGbps(2.5), l2.Capacity);
        Assert.False(l2.Attributes.ContainsKey("modules"));
        Assert.Null(l2.LengthKm);

        Assert.Equal(new Demand("D1", "A", "C", 12.5) { MaxPathLength = 3 }, Assert.Single(t.Demands));
    }

    [Theory]
    [InlineData("BITPERSEC", 40)]
    [InlineData("KBITPERSEC", 40e3)]
    [InlineData("mbitpersec", 40e6)]
    [InlineData("GBITPERSEC", 40e9)]
    [InlineData("TBITPERSEC", 40e12)]
    public void Parse_MetaUnit_ConvertsCapacity(string unit, double bitsPerSecond)
    {
        var t = TopologyFile.Parse(SndlibText.WithLine(3, $"  unit = {unit}"), File);
        Assert.Equal(new DataRate(bitsPerSecond), t.GetLink("L1").Capacity);
    }

    [Fact]
    public void Parse_UnknownUnit_LeavesCapacityUnknownAndKeepsRawNumbers()
    {
        var link = TopologyFile.Parse(SndlibText.WithLine(3, "  unit = MODULES"), File).GetLink("L1");
        Assert.Null(link.Capacity);
        Assert.Equal("40", link.Attributes["capacity"]);
        Assert.Equal("MODULES", link.Attributes["capacity-unit"]);
    }

    [Fact]
    public void Parse_NoCapacityAtAll_LeavesCapacityUnknown()
    {
        var link = TopologyFile.Parse(SndlibText.WithLine(11, "  L1 ( A B ) 0 0 0 0 ( 0 5 )"), File).GetLink("L1");
        Assert.Null(link.Capacity);
        Assert.False(link.Attributes.ContainsKey("capacity"));
    }

    [Fact]
    public void Parse_PlaneCoordinates_StayInAttributes()
    {
        var node = TopologyFile.Parse(SndlibText.WithLine(6, "  A ( 500 300 )"), File).GetNode("A");
        Assert.Null(node.Location);
        Assert.Equal("500", node.Attributes["x"]);
        Assert.Equal("300", node.Attributes["y"]);
    }

    [Fact]
    public void Parse_SectionsInAnyOrderWithCommentsAndNoHeader_Load()
    {
        const string text = """
            # links first
            LINKS ( L1 ( A B ) 1 0 0 0 ( ) ) # one link
            NODES (
              A ( 0 0 ) # origin
              B ( 1 1 )
            )
            """;
        var t = TopologyFile.Parse(text, null);
        Assert.Equal("sndlib", t.Name);
        Assert.Equal(2, t.Nodes.Length);
        Assert.Null(t.GetLink("L1").Capacity);
        Assert.Equal("1", t.GetLink("L1").Attributes["capacity"]);
    }

    [Fact]
    public void Parse_MetaValuesWithParenthesesAndUrls_AreKeptWhole()
    {
        var t = TopologyFile.Parse(SndlibText.WithLine(3, "  origin = Someone (ZIB), http://sndlib.zib.de/#top ; 2010\n  unit = GBITPERSEC"), File);
        Assert.Equal("Someone (ZIB), http://sndlib.zib.de/#top ; 2010", t.Description);
        Assert.Equal(DataRate.FromGbps(40), t.GetLink("L1").Capacity);
    }

    [Fact]
    public void Parse_WindowsLineEnds_Load()
    {
        var t = TopologyFile.Parse(SndlibText.Network.Replace("\n", "\r\n", StringComparison.Ordinal), File);
        Assert.Equal(3, t.Nodes.Length);
        Assert.Equal(DataRate.FromGbps(40), t.GetLink("L1").Capacity);
    }
}
