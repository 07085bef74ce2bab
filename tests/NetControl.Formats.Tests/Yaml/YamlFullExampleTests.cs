using NetControl.Core.Topology;
using NetControl.Core.Units;
using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests.Yaml;

/// <summary>The full example of topology/README.md: the document and the reader must agree on every field.</summary>
public class YamlFullExampleTests
{
    private const string StartMarker = "<!-- full-example:start -->";
    private const string EndMarker = "<!-- full-example:end -->";

    private static NetworkTopology Example => TopologyFile.Load(TestPaths.Fixture("full-example.yaml"));

    [Fact]
    public void ReadmeExample_IsTheTestedFixture_Identical()
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.Repository, "topology", "README.md"));
        int start = readme.IndexOf(StartMarker, StringComparison.Ordinal);
        int end = readme.IndexOf(EndMarker, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "topology/README.md must keep the full example between its markers");
        string block = readme[(start + StartMarker.Length)..end].Trim();
        Assert.StartsWith("```yaml\n", block, StringComparison.Ordinal);
        Assert.EndsWith("\n```", block, StringComparison.Ordinal);
        string yaml = block["```yaml\n".Length..^"```".Length];

        Assert.Equal(File.ReadAllText(TestPaths.Fixture("full-example.yaml")), yaml);
        var fromReadme = TopologyFile.Parse(yaml, "README.md");
        Assert.Equal(Example.Nodes.Select(n => n.Id), fromReadme.Nodes.Select(n => n.Id));
        Assert.Equal(Example.Links.Select(l => l.ToString()), fromReadme.Links.Select(l => l.ToString()));
    }

    [Fact]
    public void Load_FullExample_TopLevelFields()
    {
        var t = Example;
        Assert.Equal("Example transatlantic pair", t.Name);
        Assert.Equal("Two photonic switches in Geneva and New York joined by two carriers, with a data mover at each end.", t.Description);
        Assert.Equal("Made up for the NetControl documentation.", t.Attribution);
        Assert.Equal("yaml", t.SourceFormat);
        Assert.EndsWith("full-example.yaml", t.SourceFile, StringComparison.Ordinal);
        Assert.Equal(["CERN", "MANLAN", "GVA-GG", "NYC-PXC", "gva-mover", "nyc-mover", "nyc-router", "refl-gva"], t.Nodes.Select(n => n.Id));
        Assert.Equal(["GVA-NYC-GC", "GVA-NYC-Q", "gva-mover-GG", "nyc-mover-PXC", "router-reflector"], t.Links.Select(l => l.Id));
        Assert.Equal(new[] { new Srlg("global-crossing", "Global Crossing circuits"), new Srlg("qwest", "Qwest circuits"), new Srlg("cern-b513", "CERN building 513 power feed") }, t.Srlgs);
    }

    [Fact]
    public void Load_FullExample_EveryNodeField()
    {
        var t = Example;
        var cern = t.GetNode("CERN");
        Assert.Equal(NodeKind.Site, cern.Kind);
        Assert.Equal("CERN, Geneva", cern.Label);
        Assert.Equal(new GeoCoordinate(46.2338, 6.0470), cern.Location);
        Assert.Equal(NodeKind.Site, t.GetNode("MANLAN").Kind);

        var gg = t.GetNode("GVA-GG");
        Assert.Equal(NodeKind.OpticalSwitch, gg.Kind);
        Assert.Equal("CERN Glimmerglass", gg.Label);
        Assert.Equal(new GeoCoordinate(46.2338, 6.0470), gg.Location);
        Assert.Equal("CERN", gg.Site);
        Assert.Equal("glimmerglass", gg.Vendor);
        Assert.False(gg.External);
        Assert.Equal(new[] { "cern-b513" }, gg.Srlgs);
        Assert.Equal(KeyValuePair.Create("model", "System 600"), Assert.Single(gg.Attributes));
        Assert.Equal(
            ["10001", "20001", "10002", "20002", "10003", "20003", "10004", "20004", "10010", "20010"],
            gg.Ports.Select(p => p.Name));
        Assert.Equal(new Port("10001", PortDirection.Input, "20001"), gg.Ports[0]);
        Assert.Equal(new Port("20004", PortDirection.Output, "10004"), gg.Ports[7]);
        Assert.Equal(new Port("10010", PortDirection.Input, "20010") { Admin = AdminState.Down }, gg.Ports[8]);
        Assert.Equal(new Port("20010", PortDirection.Output, "10010") { Admin = AdminState.Down }, gg.Ports[9]);
        Assert.All(gg.Ports.Take(8), p => Assert.Equal(AdminState.Up, p.Admin));

        var pxc = t.GetNode("NYC-PXC");
        Assert.Equal("calient", pxc.Vendor);
        Assert.Equal("MANLAN", pxc.Site);
        Assert.Null(pxc.Location);
        Assert.Equal(["1.1a.1", "1.1a.2", "1.1a.3", "1.1a.4", "1.1a.5", "1.1a.6", "1.1a.7", "1.1a.8", "1.1b.1"], pxc.Ports.Select(p => p.Name));
        Assert.All(pxc.Ports, p => Assert.Equal(new Port(p.Name), p));

        var mover = t.GetNode("gva-mover");
        Assert.Equal(NodeKind.Host, mover.Kind);
        Assert.Equal("CERN data mover", mover.Label);
        Assert.False(mover.External);
        Assert.True(t.GetNode("nyc-mover").External);
        Assert.Null(t.GetNode("nyc-mover").Label);
        Assert.Equal(NodeKind.Router, t.GetNode("nyc-router").Kind);
        Assert.Equal(NodeKind.Reflector, t.GetNode("refl-gva").Kind);
        Assert.Empty(t.GetNode("refl-gva").Ports);
        Assert.Empty(t.GetNode("refl-gva").Attributes);
    }

    [Fact]
    public void Load_FullExample_EveryLinkField()
    {
        var t = Example;
        var gc = t.GetLink("GVA-NYC-GC");
        Assert.Equal(new LinkEndpoint("GVA-GG", "10001"), gc.A);
        Assert.Equal(new LinkEndpoint("NYC-PXC", "1.1a.1"), gc.B);
        Assert.Equal(7000, gc.LengthKm);
        Assert.Equal(35.2, gc.SpecifiedLatencyMs);
        Assert.Equal(35.2, gc.LatencyMs);
        Assert.Equal(DataRate.FromGbps(10), gc.Capacity);
        Assert.Equal(new[] { "global-crossing" }, gc.Srlgs);
        Assert.Equal(AdminState.Up, gc.Admin);
        Assert.Equal("Global Crossing GVA-NYC", gc.Label);
        Assert.Equal(2, gc.Attributes.Count);
        Assert.Equal("Global Crossing", gc.Attributes["carrier"]);
        Assert.Equal("GC-4711", gc.Attributes["circuit"]);

        var q = t.GetLink("GVA-NYC-Q");
        Assert.Equal(new LinkEndpoint("GVA-GG", "20002"), q.A);
        Assert.Equal(new LinkEndpoint("NYC-PXC", "1.1a.2"), q.B);
        Assert.Equal(6900, q.LengthKm);
        Assert.Null(q.SpecifiedLatencyMs);
        Assert.Equal(34.5, q.LatencyMs!.Value, 9);
        Assert.True(q.LatencyIsDerived);
        Assert.Equal(new DataRate(9_953_280_000), q.Capacity);
        Assert.Equal(new[] { "qwest" }, q.Srlgs);
        Assert.Equal(AdminState.Down, q.Admin);
        Assert.Null(q.Label);
        Assert.Empty(q.Attributes);

        Assert.Equal(DataRate.FromGbps(10), t.GetLink("gva-mover-GG").Capacity);
        var plain = t.GetLink("router-reflector");
        Assert.Equal(new LinkEndpoint("nyc-router"), plain.A);
        Assert.Equal(new LinkEndpoint("refl-gva"), plain.B);
        Assert.Null(plain.LengthKm);
        Assert.Null(plain.LatencyMs);
        Assert.Null(plain.Capacity);
        Assert.Empty(plain.Srlgs);
    }

    [Fact]
    public void Load_FullExample_Demands()
    {
        var t = Example;
        Assert.Equal(
            new[] { new Demand("d1", "gva-mover", "nyc-mover", 10) { MaxPathLength = 6 }, new Demand("d2", "nyc-router", "refl-gva", 0.5) },
            t.Demands);
    }
}
