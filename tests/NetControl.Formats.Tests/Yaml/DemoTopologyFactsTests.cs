using NetControl.Core.Topology;
using NetControl.Formats.Tests.Support;

namespace NetControl.Formats.Tests.Yaml;

/// <summary>
/// topology/uslhcnet.yaml, the demo network, says what the USLHCnet source material says: four PoPs, the seven
/// transatlantic circuits with their carriers, one SRLG per carrier, the switch vendors and the two transfer hosts.
/// </summary>
public class DemoTopologyFactsTests
{
    private static readonly NetworkTopology Demo = TopologyFile.Load(Path.Combine(TestPaths.Repository, "topology", "uslhcnet.yaml"));

    /// <summary>Circuit: the two PoP sites it joins, and its carrier.</summary>
    private static readonly (string A, string B, string Carrier)[] Transatlantic =
    [
        ("AMS", "CERN", "GEANT"),
        ("CHI", "NYC", "Qwest"),
        ("CERN", "NYC", "Global Crossing"),
        ("CERN", "NYC", "Colt"),
        ("CERN", "CHI", "Qwest"),
        ("CERN", "CHI", "Global Crossing"),
        ("AMS", "NYC", "Global Crossing"),
    ];

    [Fact]
    public void Load_DemoTopology_HasTheFourPopsAndCaltech()
    {
        var sites = Demo.Nodes.Where(n => n.Kind == NodeKind.Site).Select(n => n.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["AMS", "CALTECH", "CERN", "CHI", "NYC"], sites);
    }

    [Fact]
    public void Load_DemoTopology_HasTheSevenCircuitsWithTheirCarriers()
    {
        var circuits = Demo.Links
            .Where(l => l.Attributes.ContainsKey("carrier") && l.Attributes["carrier"] != "Internet2")
            .Select(Circuit)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(Transatlantic.Select(c => Normalised(c.A, c.B, c.Carrier)).Order(StringComparer.Ordinal).ToArray(), circuits);
    }

    [Fact]
    public void Load_DemoTopology_CircuitsOfOneCarrierShareOneSrlgAndNoOther()
    {
        var byCarrier = Demo.Links.Where(l => l.Attributes.ContainsKey("carrier")).GroupBy(l => l.Attributes["carrier"]).ToArray();
        Assert.Equal(5, byCarrier.Length);
        foreach (var carrier in byCarrier)
        {
            var srlgs = carrier.Select(l => Assert.Single(l.Srlgs)).Distinct().ToArray();
            Assert.Single(srlgs);
            Assert.DoesNotContain(Demo.Links, l => l.Srlgs.Contains(srlgs[0]) && !carrier.Contains(l));
        }

        Assert.Equal(3, byCarrier.Single(c => c.Key == "Global Crossing").Count());
        Assert.Equal(2, byCarrier.Single(c => c.Key == "Qwest").Count());
    }

    [Fact]
    public void Load_DemoTopology_SwitchAtEveryPopGlimmerglassAtCernCalientAtCaltech()
    {
        var switches = Demo.Nodes.Where(n => n.Kind == NodeKind.OpticalSwitch).ToArray();
        Assert.Equal(["AMS", "CALTECH", "CERN", "CHI", "NYC"], switches.Select(s => s.Site!).Order(StringComparer.Ordinal));
        Assert.Equal("glimmerglass", switches.Single(s => s.Site == "CERN").Vendor);
        Assert.Equal("calient", switches.Single(s => s.Site == "CALTECH").Vendor);
    }

    [Fact]
    public void Load_DemoTopology_TransferHostsAtCernAndCaltechCaltechFromChicagoOverInternet2()
    {
        var hosts = Demo.Nodes.Where(n => n.Kind == NodeKind.Host).ToArray();
        Assert.Equal(["CALTECH", "CERN"], hosts.Select(h => h.Site!).Order(StringComparer.Ordinal));
        foreach (var host in hosts)
        {
            var access = Assert.Single(Demo.LinksAt(host.Id));
            Assert.Equal(host.Site, Demo.GetNode(access.OtherEnd(host.Id).Node).Site);
        }

        var caltech = Assert.Single(Demo.Links, l => l.Attributes.TryGetValue("carrier", out var c) && c == "Internet2");
        Assert.Equal(["CALTECH", "CHI"], new[] { SiteOf(caltech.A), SiteOf(caltech.B) }.Order(StringComparer.Ordinal));
    }

    private static string SiteOf(LinkEndpoint end) => Demo.GetNode(end.Node).Site ?? end.Node;

    private static string Circuit(Link l) => Normalised(SiteOf(l.A), SiteOf(l.B), l.Attributes["carrier"]);

    private static string Normalised(string a, string b, string carrier) =>
        string.CompareOrdinal(a, b) <= 0 ? $"{a}-{b} {carrier}" : $"{b}-{a} {carrier}";
}
