using NetControl.Benchmarking;
using NetControl.Benchmarking.Workloads;

namespace NetControl.Simulators.Optical.Tests.Workloads;

public class PhotonicNetworkDemandTests
{
    [Theory]
    [InlineData("germany50", 300)]
    [InlineData("Geant2012", 200)]
    public void DemandEndpoints_Count_DistinctAddDropPorts(string name, int count)
    {
        var network = PhotonicNetworkBuilder.Build(SiteNetworks.ByName(name));

        var pairs = network.DemandEndpoints(count, seed: 7);

        Assert.Equal(count, pairs.Count);
        var ends = pairs.SelectMany(p => new[] { p.From, p.To }).ToList();
        Assert.Equal(ends.Count, ends.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ends, end =>
        {
            string[] parts = end.Split(':', 2);
            Assert.Contains(parts[1], network.AddDropPorts[parts[0]]);
        });
        Assert.All(pairs, p => Assert.NotEqual(p.From.Split(':')[0], p.To.Split(':')[0]));
    }

    [Theory]
    [InlineData("germany50")]
    [InlineData("Geant2012")]
    public void DemandEndpoints_SameSeed_SameList(string name)
    {
        var network = PhotonicNetworkBuilder.Build(SiteNetworks.ByName(name));

        var first = network.DemandEndpoints(150, seed: 42);
        var again = PhotonicNetworkBuilder.Build(SiteNetworks.ByName(name)).DemandEndpoints(150, seed: 42);
        var other = network.DemandEndpoints(150, seed: 43);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void DemandEndpoints_Germany50_PairsAreSndlibDemands()
    {
        var network = PhotonicNetworkBuilder.Build(SiteNetworks.Germany50);
        var demands = network.Topology.Demands.Select(d => (d.Source, d.Target)).ToHashSet();

        var pairs = network.DemandEndpoints(100, seed: 1);

        Assert.All(pairs, p => Assert.Contains((p.From.Split(':')[0], p.To.Split(':')[0]), demands));
    }

    [Fact]
    public void DemandEndpoints_MoreThanPortsAllow_Throws()
    {
        var network = PhotonicNetworkBuilder.Build(SiteNetworks.Geant2012, new PhotonicNetworkOptions { AddDropPortsPerSite = 2 });

        Assert.Throws<BenchmarkSetupException>(() => network.DemandEndpoints(network.Topology.Nodes.Length + 1, seed: 1));
    }
}
