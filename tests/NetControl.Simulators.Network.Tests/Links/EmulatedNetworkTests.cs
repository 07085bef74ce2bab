using NetControl.Core.Topology;
using NetControl.Simulators.Network.Links;
using NetControl.Simulators.Network.Tests.Support;

namespace NetControl.Simulators.Network.Tests.Links;

[Collection(RealTimeCollection.Name)]
public sealed class EmulatedNetworkTests
{
    private static NetworkTopology Triangle() => new TopologyBuilder("triangle")
        .AddNode(new Node { Id = "a" }).AddNode(new Node { Id = "b" }).AddNode(new Node { Id = "c" })
        .AddLink(new Link { Id = "ab", A = new LinkEndpoint("a"), B = new LinkEndpoint("b"), LengthKm = 1000 })
        .AddLink(new Link { Id = "bc", A = new LinkEndpoint("b"), B = new LinkEndpoint("c"), SpecifiedLatencyMs = 3 })
        .AddLink(new Link { Id = "ca", A = new LinkEndpoint("c"), B = new LinkEndpoint("a") })
        .Build();

    [Fact]
    public async Task FromTopologyAsync_LinksWithLengths_DelayFromLengthOnUniquePorts()
    {
        using var sink = new UdpSink();
        await using var network = await EmulatedNetwork.FromTopologyAsync(Triangle(), _ => sink.EndPoint);

        Assert.Equal(3, network.Links.Length);
        Assert.Equal(3, network.Links.Select(l => l.Endpoint.Port).Distinct().Count());
        Assert.Equal(TimeSpan.FromMilliseconds(5), network["ab"].Settings.Forward.Delay);
        Assert.Equal(TimeSpan.FromMilliseconds(3), network["bc"].Settings.Reverse.Delay);
        Assert.Equal(TimeSpan.Zero, network["ca"].Settings.Forward.Delay);
        Assert.Throws<UnknownLinkException>(() => network["zz"]);
    }

    [Fact]
    public async Task Cut_ByLinkId_OnlyThatLinkDrops()
    {
        using var sink = new UdpSink();
        await using var network = await EmulatedNetwork.FromTopologyAsync(Triangle(), _ => sink.EndPoint);
        network.Cut("ab");
        using var client = Traffic.Client();
        Traffic.Send(client, network["ab"].Endpoint, 20, 64, TimeSpan.FromMilliseconds(1));
        Traffic.Send(client, network["bc"].Endpoint, 20, 64, TimeSpan.FromMilliseconds(1));
        Traffic.WaitFor(() => sink.Count >= 20, TimeSpan.FromSeconds(5));
        await Task.Delay(100);

        var truth = network.GetTruth();
        Assert.Equal(20, sink.Count);
        Assert.Equal(20, truth["ab"].Forward.DroppedCut);
        Assert.Equal(20, truth["bc"].Forward.Forwarded);

        network.Repair("ab");
        Assert.False(network["ab"].IsCut);
    }

    [Fact]
    public async Task StartAsync_DuplicateIds_Throws()
    {
        using var sink = new UdpSink();
        var settings = LinkSettings.Symmetric(DirectionSettings.Ideal);
        await Assert.ThrowsAsync<InvalidLinkSettingsException>(() => EmulatedNetwork.StartAsync(
            [new EmulatedLinkDefinition("x", sink.EndPoint, settings), new EmulatedLinkDefinition("x", sink.EndPoint, settings)]));
    }
}
