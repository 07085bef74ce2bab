using NetControl.Core.Topology;
using NetControl.Graph.Paths;
using NetControl.Graph.Tests.Paths.Support;

namespace NetControl.Graph.Tests.Paths;

/// <summary>A transit photonic switch needs a free input/output port pair on both links it joins.</summary>
public sealed class PortAvailabilityTests
{
    private static readonly Port[] GlimmerglassPorts =
    [
        new("10001", PortDirection.Input, "20001"), new("20001", PortDirection.Output, "10001"),
        new("10002", PortDirection.Input, "20002"), new("20002", PortDirection.Output, "10002"),
        new("10003", PortDirection.Input, "20003"), new("20003", PortDirection.Output, "10003"),
        new("10004", PortDirection.Input, "20004"), new("20004", PortDirection.Output, "10004"),
    ];

    /// <summary>h1 - SW1 = (two routes: via SW2, via SW3) = SW4 - h2; the route via SW2 is shorter.</summary>
    private static NetworkTopology Network()
    {
        var net = new TestNetwork();
        foreach (var sw in new[] { "SW1", "SW2", "SW3", "SW4" })
        {
            net.Node(sw, NodeKind.OpticalSwitch, GlimmerglassPorts);
        }

        net.Node("h1", NodeKind.Host, [new Port("eth0")]).Node("h2", NodeKind.Host, [new Port("eth0")]);
        return net
            .Link("h1", "SW1", 0, id: "h1-sw1", portA: "eth0", portB: "10001")
            .Link("SW1", "SW2", 10, id: "sw1-sw2", portA: "10002", portB: "10001")
            .Link("SW2", "SW4", 10, id: "sw2-sw4", portA: "10002", portB: "10002")
            .Link("SW1", "SW3", 20, id: "sw1-sw3", portA: "10003", portB: "10001")
            .Link("SW3", "SW4", 20, id: "sw3-sw4", portA: "10002", portB: "10003")
            .Link("SW4", "h2", 0, id: "sw4-h2", portA: "10001", portB: "eth0")
            .Build();
    }

    private static PathResult Find(IPortAvailability ports, bool duplex = true, string? exclude = null) =>
        new PathFinder(NetworkGraph.Build(Network())).Shortest(new PathRequest("h1", "h2")
        {
            Metric = PathMetric.Km,
            Constraints = new PathConstraints { Ports = ports, Duplex = duplex, ExcludeNodes = exclude is null ? [] : [exclude] },
        });

    [Fact]
    public void Shortest_AllPortsFree_UsesTheShortRouteAndReportsPorts()
    {
        var result = Find(PortAvailability.AllFree);

        Assert.Equal<string>(["h1", "SW1", "SW2", "SW4", "h2"], result.Path!.Nodes);
        Assert.Equal("10002", result.Path.Hops[1].From.Port);
        Assert.Equal("10001", result.Path.Hops[1].To.Port);
    }

    [Fact]
    public void Shortest_TransitSwitchOutputBusy_TakesTheOtherRoute()
    {
        // SW2's output 20002 (towards SW4) is already cross-connected.
        var result = Find(PortAvailability.AllExcept([new PortRef("SW2", "20002")]));

        Assert.Equal<string>(["h1", "SW1", "SW3", "SW4", "h2"], result.Path!.Nodes);
    }

    [Fact]
    public void Shortest_SimplexNeedsOnlyTheSendingSide_BusyInputOnTheFarSideIsIrrelevant()
    {
        // One-way h1 -> h2 enters SW2 on 10001 and leaves on 20002; SW2's input 10002 is not needed.
        var busy = PortAvailability.AllExcept([new PortRef("SW2", "10002")]);

        var duplex = Find(busy, duplex: true);
        var simplex = Find(busy, duplex: false);

        Assert.Equal<string>(["h1", "SW1", "SW3", "SW4", "h2"], duplex.Path!.Nodes);
        Assert.Equal<string>(["h1", "SW1", "SW2", "SW4", "h2"], simplex.Path!.Nodes);
    }

    [Fact]
    public void Shortest_AccessPortBusy_FailureSaysPorts()
    {
        var result = Find(PortAvailability.AllExcept([new PortRef("SW1", "20001")]));

        Assert.False(result.Found);
        Assert.Equal("no path from h1 to h2: blocked by busy or disabled ports", result.Failure.Message);
        Assert.True(result.Failure.BlockedByPorts);
    }

    [Fact]
    public void Shortest_PortsFreeButEndpointExcluded_NotBlockedByPorts()
    {
        var result = Find(PortAvailability.AllFree, exclude: "SW1");

        Assert.False(result.Found);
        Assert.False(result.Failure.BlockedByPorts);
    }
}
