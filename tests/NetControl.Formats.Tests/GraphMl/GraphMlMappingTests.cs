using NetControl.Core.Topology;
using NetControl.Core.Units;

namespace NetControl.Formats.Tests.GraphMl;

/// <summary>How GraphML maps into the model, on small documents.</summary>
public class GraphMlMappingTests
{
    private const string File = "small.graphml";

    private static NetworkTopology Parse(string body, string keys = GraphMlText.ZooKeys, string graphAttributes = "edgedefault=\"undirected\"", string? file = File) =>
        TopologyFile.Parse(GraphMlText.Document(body, keys, graphAttributes), file);

    [Fact]
    public void Parse_KeysWithSameIdForNodesAndEdges_ResolvePerElementKind()
    {
        const string keys = """
            <key attr.name="label" attr.type="string" for="node" id="d0" />
            <key attr.name="LinkLabel" attr.type="string" for="edge" id="d0" />
            <key attr.name="Country" attr.type="string" for="all" id="d9" />
            <key for="node" id="bare" />
            """;
        var t = Parse("""
            <node id="a"><data key="d0">Geneva</data><data key="d9">CH</data><data key="bare">x</data></node>
            <node id="b"><data key="d0">Paris</data></node>
            <edge source="a" target="b"><data key="d0">dark fibre</data><data key="d9">FR</data></edge>
            """, keys);
        Assert.Equal("Geneva", t.GetNode("a").Label);
        Assert.Equal("CH", t.GetNode("a").Attributes["Country"]);
        Assert.Equal("x", t.GetNode("a").Attributes["bare"]);
        Assert.Equal("dark fibre", t.GetLink("a-b").Label);
        Assert.Equal("FR", t.GetLink("a-b").Attributes["Country"]);
    }

    [Fact]
    public void Parse_KeyDefault_AppliesToElementsWithoutTheValue()
    {
        const string keys = """
            <key attr.name="Internal" attr.type="int" for="node" id="i"><default>0</default></key>
            """;
        var t = Parse("<node id=\"a\" />\n<node id=\"b\"><data key=\"i\">1</data></node>", keys);
        Assert.True(t.GetNode("a").External);
        Assert.False(t.GetNode("b").External);
    }

    [Fact]
    public void Parse_ParallelAndExplicitEdgeIds_AreUniqueAndStable()
    {
        var t = Parse("""
            <node id="0" />
            <node id="1" />
            <edge id="0-1" source="1" target="0" />
            <edge source="0" target="1" />
            <edge source="0" target="1" />
            <edge source="1" target="0" />
            """);
        Assert.Equal(new[] { "0-1", "0-1#2", "0-1#3", "1-0" }, t.Links.Select(l => l.Id));
        Assert.Equal(new LinkEndpoint("1"), t.GetLink("0-1").A);
        Assert.Equal(new LinkEndpoint("0"), t.GetLink("0-1#2").A);
    }

    [Fact]
    public void Parse_DirectedGraph_LoadsUndirectedLinksMarkedDirected()
    {
        var t = Parse("""
            <node id="a" />
            <node id="b" />
            <edge source="a" target="b" />
            <edge source="b" target="a" directed="false" />
            """, graphAttributes: "edgedefault=\"directed\"");
        Assert.Equal("true", t.GetLink("a-b").Attributes["directed"]);
        Assert.False(t.GetLink("b-a").Attributes.ContainsKey("directed"));
        Assert.True(t.GetLink("a-b").Connects("b", "a"));
    }

    [Fact]
    public void Parse_Locations_OnlyWhenBothCoordinatesAreValid()
    {
        var t = Parse($"""
            {GraphMlText.Node("gva", 46.2, 6.1)}
            {GraphMlText.Node("nyc", 40.7, -74.0)}
            {GraphMlText.Node("north", 95, 10)}
            {GraphMlText.Node("half", 10)}
            <edge source="gva" target="nyc" />
            <edge source="gva" target="north" />
            """);
        Assert.Equal(new GeoCoordinate(46.2, 6.1), t.GetNode("gva").Location);
        Assert.Null(t.GetNode("north").Location);
        Assert.Equal("95", t.GetNode("north").Attributes["Latitude"]);
        Assert.Equal("10", t.GetNode("north").Attributes["Longitude"]);
        Assert.Null(t.GetNode("half").Location);
        Assert.Equal("10", t.GetNode("half").Attributes["Latitude"]);
        Assert.Equal(new GeoCoordinate(46.2, 6.1).DistanceKmTo(new GeoCoordinate(40.7, -74.0)), t.GetLink("gva-nyc").LengthKm);
        Assert.Null(t.GetLink("gva-north").LengthKm);
    }

    [Fact]
    public void Parse_LinkSpeedRawAndLabel_BecomeCapacityAndLabel()
    {
        var t = Parse("""
            <node id="a" />
            <node id="b" />
            <edge source="a" target="b"><data key="d4">1e10</data><data key="d5"> 10 Gbps </data></edge>
            """);
        var link = t.GetLink("a-b");
        Assert.Equal(DataRate.FromGbps(10), link.Capacity);
        Assert.Equal("10 Gbps", link.Label);
        Assert.Empty(link.Attributes);
    }

    [Fact]
    public void Parse_TopologyName_FromLabelThenNetworkThenFile()
    {
        Assert.Equal("Geant2012", Parse("<data key=\"d6\">GEANT</data>\n<data key=\"d7\">Geant2012</data>\n<node id=\"a\" />").Name);
        Assert.Equal("GEANT", Parse("<data key=\"d6\"> GEANT </data>\n<node id=\"a\" />").Name);
        Assert.Equal("small", Parse("<node id=\"a\" />").Name);
        Assert.Equal("graphml", Parse("<node id=\"a\" />", file: null).Name);
        Assert.Null(Parse("<node id=\"a\" />").Description);
    }

    [Fact]
    public void Parse_ForeignElementsAndMarkupInData_AreIgnored()
    {
        const string doc = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
            <key attr.name="label" attr.type="string" for="node" id="d0" />
            <!-- a comment -->
            <graph edgedefault="undirected">
            <desc>described</desc>
            <node id="a"><data key="d0">Gen<y:b>e</y:b>va</data><y:ShapeNode><y:Fill color="#FF0000" /></y:ShapeNode><port name="p" /></node>
            </graph>
            </graphml>
            """;
        var t = TopologyFile.Parse(doc, File);
        Assert.Equal("Genva", t.GetNode("a").Label);
        Assert.Single(t.Nodes);
    }

    [Fact]
    public void Parse_DisconnectedGraph_LoadsEveryComponent()
    {
        var t = Parse("<node id=\"a\" />\n<node id=\"b\" />\n<node id=\"c\" />\n<node id=\"d\" />\n<edge source=\"a\" target=\"b\" />\n<edge source=\"c\" target=\"d\" />");
        Assert.Equal(4, t.Nodes.Length);
        Assert.Equal(2, t.Links.Length);
    }
}
