using NetControl.Core.Topology;
using NetControl.Core.Units;
using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests.GraphMl;

/// <summary>Every Internet Topology Zoo file of the reference data loads with exact counts and the right mapping.</summary>
public class ZooDataTests
{
    /// <summary>File, nodes (&lt;node&gt;), links (&lt;edge&gt;), located nodes, external nodes, links with a capacity, parallel links.</summary>
    public static TheoryData<string, int, int, int, int, int, int> Files => new()
    {
        { "Aarnet.graphml", 19, 24, 19, 0, 0, 0 },
        { "Abilene.graphml", 11, 14, 11, 0, 0, 0 },
        { "Canerie.graphml", 32, 41, 24, 8, 0, 0 },
        { "Cogentco.graphml", 197, 245, 186, 0, 0, 2 },
        { "Dfn.graphml", 58, 87, 51, 7, 0, 0 },
        { "Esnet.graphml", 68, 92, 17, 14, 10, 13 },
        { "Garr201201.graphml", 61, 89, 48, 13, 77, 14 },
        { "Geant2001.graphml", 27, 38, 27, 0, 38, 0 },
        { "Geant2010.graphml", 37, 58, 37, 0, 32, 2 },
        { "Geant2012.graphml", 40, 61, 37, 0, 39, 0 },
        { "Internet2.graphml", 20, 26, 0, 0, 0, 0 },
        { "Janetbackbone.graphml", 29, 45, 28, 0, 0, 0 },
        { "Kdl.graphml", 754, 899, 726, 0, 0, 4 },
        { "Nordu.graphml", 33, 45, 0, 19, 0, 3 },
        { "Nordu2005.graphml", 9, 10, 6, 3, 9, 1 },
        { "Surfnet.graphml", 50, 73, 50, 0, 0, 5 },
        { "Switch.graphml", 74, 92, 47, 14, 0, 0 },
    };

    [Fact]
    public void Files_CoverEveryZooFileOfTheReferenceData()
    {
        var listed = Files.Select(row => (string)row[0]).Order(StringComparer.Ordinal);
        var present = Directory.GetFiles(TestPaths.TopologyZoo, "*.graphml").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(present, listed);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_ZooFile_ExactCounts(string file, int nodes, int links, int located, int external, int withCapacity, int parallel)
    {
        string path = TestPaths.Zoo(file);
        string text = File.ReadAllText(path);
        var t = TopologyFile.Load(path);

        Assert.Equal(CountOf(text, "<node "), nodes);
        Assert.Equal(CountOf(text, "<edge "), links);
        Assert.Equal(nodes, t.Nodes.Length);
        Assert.Equal(links, t.Links.Length);
        Assert.Equal(located, t.Nodes.Count(n => n.Location is not null));
        Assert.Equal(external, t.Nodes.Count(n => n.External));
        Assert.Equal(withCapacity, t.Links.Count(l => l.Capacity is not null));
        Assert.Equal(parallel, t.Links.Count(l => l.Id.Contains('#', StringComparison.Ordinal)));
        Assert.Equal("graphml", t.SourceFormat);
        Assert.Equal(path, t.SourceFile);
        Assert.Equal(DataAttribution.TopologyZoo, t.Attribution);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), t.Name, StringComparer.OrdinalIgnoreCase);
        Assert.All(t.Links, l => Assert.Equal(l.A.Node != l.B.Node && t.GetNode(l.A.Node).Location is not null && t.GetNode(l.B.Node).Location is not null, l.LengthKm is not null));
        Assert.All(t.Nodes, n => Assert.Equal(NodeKind.Site, n.Kind));
    }

    [Fact]
    public void Load_Geant2012_SpotChecks()
    {
        var t = TopologyFile.Load(TestPaths.Zoo("Geant2012.graphml"));
        Assert.Equal("Geant2012", t.Name);
        Assert.Equal("GEANT, Europe, 2012_03", t.Description);

        var nl = t.GetNode("0");
        Assert.Equal("NL", nl.Label);
        Assert.Equal(new GeoCoordinate(52.37403, 4.88969), nl.Location);
        Assert.Equal("Netherlands", nl.Attributes["Country"]);
        Assert.False(nl.Attributes.ContainsKey("Latitude"));
        Assert.False(nl.Attributes.ContainsKey("label"));
        Assert.False(nl.Attributes.ContainsKey("Internal"));
        Assert.Equal("NORDUNet", t.GetNode("2").Attributes["type"]);

        var nlToUk = t.GetLink("0-34");
        Assert.Equal(new DataRate(2_500_000_000), nlToUk.Capacity);
        Assert.Equal("2.5 Gbps", nlToUk.Label);
        Assert.Equal("2.5", nlToUk.Attributes["LinkSpeed"]);
        Assert.False(nlToUk.Attributes.ContainsKey("LinkSpeedRaw"));
        Assert.Null(t.GetLink("0-1").Capacity);
        Assert.Equal("e59", t.GetLink("0-1").Attributes["id"]);
    }

    [Fact]
    public void Load_Geant2012_LocatedPartMatchesReferenceFigures()
    {
        var t = TopologyFile.Load(TestPaths.Zoo("Geant2012.graphml"));
        var located = t.InducedSubgraph(n => n.Location is not null);
        Assert.Equal(37, located.Nodes.Length);
        Assert.Equal(58, located.Links.Length);
        Assert.All(located.Links, l => Assert.NotNull(l.LengthKm));

        var ch = t.ResolveNode("CH");
        var fr = t.ResolveNode("FR");
        var uk = t.ResolveNode("UK");
        double chFr = t.Links.Where(l => l.Connects(ch.Id, fr.Id)).Min(l => l.LengthKm!.Value);
        double frUk = t.Links.Where(l => l.Connects(fr.Id, uk.Id)).Min(l => l.LengthKm!.Value);
        Assert.Equal(778.8, chFr + frUk, 1);
        Assert.Equal((chFr + frUk) * 0.005, t.Links.First(l => l.Connects(ch.Id, fr.Id)).LatencyMs!.Value + t.Links.First(l => l.Connects(fr.Id, uk.Id)).LatencyMs!.Value, 9);
    }

    [Fact]
    public void Load_Esnet_ParallelEdgesAreSeparateLinksNumberedInFileOrder()
    {
        var t = TopologyFile.Load(TestPaths.Zoo("Esnet.graphml"));
        var sixEighteen = t.Links.Where(l => l.Connects("6", "18")).Select(l => l.Id).ToList();
        Assert.Equal(new[] { "6-18", "6-18#2", "6-18#3" }, sixEighteen);
        Assert.Equal(t.Links.Length, t.Links.Select(l => l.Id).Distinct().Count());
    }

    [Fact]
    public void Load_Esnet_ExternalNodesAndLinkSpeed()
    {
        var t = TopologyFile.Load(TestPaths.Zoo("Esnet.graphml"));
        var abilene = t.GetNode("12");
        Assert.Equal("Abilene", abilene.Label);
        Assert.True(abilene.External);
        Assert.Null(abilene.Location);
        Assert.False(t.GetNode("0").External);
        var link = t.GetLink("0-11");
        Assert.Equal(DataRate.FromGbps(10), link.Capacity);
        Assert.Equal("10Gbps", link.Label);
        Assert.Equal("G", link.Attributes["LinkSpeedUnits"]);
    }

    [Fact]
    public void Load_Abilene_LinkTypesStayInAttributes()
    {
        var t = TopologyFile.Load(TestPaths.Zoo("Abilene.graphml"));
        Assert.Equal(new GeoCoordinate(40.71427, -74.00597), t.ResolveNode("New York").Location);
        var link = t.GetLink("0-1");
        Assert.Equal("OC-192c", link.Label);
        Assert.Equal("OC-192", link.Attributes["LinkType"]);
        Assert.Equal("c", link.Attributes["LinkNote"]);
        Assert.Null(link.Capacity);
        Assert.Equal(1146, link.LengthKm!.Value, 0);
    }

    [Theory]
    [InlineData("Internet2.graphml")]
    [InlineData("Nordu.graphml")]
    public void Load_GraphWithoutCoordinates_LoadsWithoutLengths(string file)
    {
        var t = TopologyFile.Load(TestPaths.Zoo(file));
        Assert.All(t.Nodes, n => Assert.Null(n.Location));
        Assert.All(t.Links, l => Assert.Null(l.LengthKm));
        Assert.All(t.Links, l => Assert.Null(l.LatencyMs));
    }

    [Fact]
    public void Load_Switch_KeepsHyperedgeAndLabelsResolve()
    {
        var t = TopologyFile.Load(TestPaths.Zoo("Switch.graphml"));
        Assert.Equal("1", t.GetNode("0").Attributes["hyperedge"]);
        Assert.Equal("Switch", t.Name);
    }

    [Fact]
    public void Load_Kdl_LargestZooFile()
    {
        var t = TopologyFile.Load(TestPaths.Zoo("Kdl.graphml"));
        var rolla = t.GetNode("0");
        Assert.Equal("Rolla", rolla.Label);
        Assert.Equal(new GeoCoordinate(37.95143, -91.77127), rolla.Location);
        Assert.Equal("Missouri", rolla.Attributes["geocode_append"]);
        Assert.Equal("Kentucky Datalink, USA, 2010_08", t.Description);
    }

    private static int CountOf(string text, string fragment)
    {
        int count = 0;
        for (int i = text.IndexOf(fragment, StringComparison.Ordinal); i >= 0; i = text.IndexOf(fragment, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
