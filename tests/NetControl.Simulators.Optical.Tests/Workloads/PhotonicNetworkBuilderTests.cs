using NetControl.Benchmarking;
using NetControl.Benchmarking.Workloads;
using NetControl.Core.Topology;

namespace NetControl.Simulators.Optical.Tests.Workloads;

public class PhotonicNetworkBuilderTests
{
    [Theory]
    [InlineData("germany50")]
    [InlineData("Geant2012")]
    public void Build_SiteNetwork_EverySiteIsASwitchWithItsIdLabelAndLocation(string name)
    {
        var sites = SiteNetworks.ByName(name);

        var photonic = PhotonicNetworkBuilder.Build(sites).Topology;

        Assert.Equal(sites.Nodes.Length, photonic.Nodes.Length);
        for (int i = 0; i < sites.Nodes.Length; i++)
        {
            var site = sites.Nodes[i];
            var sw = photonic.Nodes[i];
            Assert.Equal(site.Id, sw.Id);
            Assert.Equal(site.Label, sw.Label);
            Assert.Equal(site.Location, sw.Location);
            Assert.Equal(NodeKind.OpticalSwitch, sw.Kind);
            Assert.Equal(i % 2 == 0 ? "calient" : "glimmerglass", sw.Vendor);
        }
    }

    [Theory]
    [InlineData("germany50", 8, 16)]
    [InlineData("Geant2012", 8, 16)]
    [InlineData("germany50", 3, 5)]
    public void Build_SiteNetwork_PortsAreFibresPerIncidentLinkPlusAddDrop(string name, int fibres, int addDrop)
    {
        var sites = SiteNetworks.ByName(name);

        var network = PhotonicNetworkBuilder.Build(sites, new PhotonicNetworkOptions { FibresPerLink = fibres, AddDropPortsPerSite = addDrop });

        foreach (var sw in network.Topology.Nodes)
        {
            int physical = (fibres * sites.LinksAt(sw.Id).Count()) + addDrop;
            Assert.Equal(sw.Vendor == "glimmerglass" ? 2 * physical : physical, sw.Ports.Length);
            Assert.Equal(addDrop, network.AddDropPorts[sw.Id].Length);
            var linked = network.Topology.LinksAt(sw.Id).Select(l => l.EndAt(sw.Id).Port!).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(fibres * sites.LinksAt(sw.Id).Count(), linked.Count);
            Assert.DoesNotContain(network.AddDropPorts[sw.Id], linked.Contains);
            Assert.All(network.AddDropPorts[sw.Id], p => Assert.NotNull(sw.FindPort(p)));
        }
    }

    [Theory]
    [InlineData("germany50")]
    [InlineData("Geant2012")]
    public void Build_SiteNetwork_EachSiteLinkIsACableInItsDuctSrlg(string name)
    {
        var sites = SiteNetworks.ByName(name);

        var network = PhotonicNetworkBuilder.Build(sites);

        Assert.Equal(8 * sites.Links.Length, network.Topology.Links.Length);
        foreach (var siteLink in sites.Links)
        {
            var cable = network.Fibres[siteLink.Id];
            Assert.Equal(8, cable.Length);
            foreach (var fibre in cable.Select(network.Topology.GetLink))
            {
                Assert.True(fibre.Connects(siteLink.A.Node, siteLink.B.Node));
                Assert.Contains($"duct-{siteLink.Id}", fibre.Srlgs);
                Assert.All(siteLink.Srlgs, s => Assert.Contains(s, fibre.Srlgs));
                Assert.Equal(siteLink.LengthKm, fibre.LengthKm);
                Assert.Equal(siteLink.LatencyMs, fibre.LatencyMs);
                Assert.Equal(siteLink.Capacity, fibre.Capacity);
            }

            Assert.True(network.Topology.ContainsSrlg($"duct-{siteLink.Id}"));
        }
    }

    [Fact]
    public void Build_Germany50_KeepsSndlibCountsAndDemands()
    {
        var network = PhotonicNetworkBuilder.Build(SiteNetworks.Germany50);

        Assert.Equal(50, network.Topology.Nodes.Length);
        Assert.Equal(88 * 8, network.Topology.Links.Length);
        Assert.Equal(SiteNetworks.Germany50.Demands.AsEnumerable(), network.Topology.Demands.AsEnumerable());
        Assert.NotEmpty(network.Topology.Demands);
    }

    [Fact]
    public void Build_GlimmerglassLinks_LandOnInputPortsPairedWithOutputs()
    {
        var network = PhotonicNetworkBuilder.Build(SiteNetworks.Germany50, new PhotonicNetworkOptions { Vendor = PhotonicVendorPolicy.AllGlimmerglass });

        foreach (var link in network.Topology.Links)
        {
            foreach (var end in new[] { link.A, link.B })
            {
                var port = network.Topology.GetNode(end.Node).FindPort(end.Port!);
                Assert.NotNull(port);
                Assert.Equal(PortDirection.Input, port.Direction);
                Assert.Matches("^1[0-9]{4}$", port.Name);
                Assert.Equal("2" + port.Name[1..], port.Pair);
            }
        }
    }

    [Fact]
    public void Build_AllCalient_BidirectionalPortsNamedShelfSlotPort()
    {
        var network = PhotonicNetworkBuilder.Build(SiteNetworks.Geant2012, new PhotonicNetworkOptions { Vendor = PhotonicVendorPolicy.AllCalient, AddDropPortsPerSite = 300 });

        Assert.All(network.Topology.Nodes, n =>
        {
            Assert.Equal("calient", n.Vendor);
            Assert.All(n.Ports, p => Assert.Equal(PortDirection.Bidirectional, p.Direction));
            Assert.Equal("1.1a.1", n.Ports[0].Name);
            Assert.Equal($"1.1a.{n.Ports.Length}", n.Ports[^1].Name);
        });
    }

    [Fact]
    public void Build_GlimmerglassOverNineThousandNineHundredNinetyNinePorts_Throws()
    {
        var options = new PhotonicNetworkOptions { Vendor = PhotonicVendorPolicy.AllGlimmerglass, AddDropPortsPerSite = 9999 };

        var error = Assert.Throws<BenchmarkSetupException>(() => PhotonicNetworkBuilder.Build(SiteNetworks.Germany50, options));

        Assert.Contains("9999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_GlimmerglassExactlyNineThousandNineHundredNinetyNinePorts_Builds()
    {
        var sites = SiteNetworks.Germany50;
        int maxDegree = sites.Nodes.Max(n => sites.LinksAt(n.Id).Count());
        var options = new PhotonicNetworkOptions { Vendor = PhotonicVendorPolicy.AllGlimmerglass, FibresPerLink = 1, AddDropPortsPerSite = 9999 - maxDegree };

        var network = PhotonicNetworkBuilder.Build(sites, options);

        Assert.Contains(network.Topology.Nodes, n => n.FindPort("19999") is not null && n.FindPort("29999") is not null);
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(8, -1)]
    public void Build_BadOptions_Throws(int fibres, int addDrop)
    {
        var options = new PhotonicNetworkOptions { FibresPerLink = fibres, AddDropPortsPerSite = addDrop };

        Assert.Throws<BenchmarkSetupException>(() => PhotonicNetworkBuilder.Build(SiteNetworks.Germany50, options));
    }
}
