using NetControl.Benchmarking.Workloads;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Transport;
using NetControl.Simulators.Optical.Server;

namespace NetControl.Simulators.Optical.Tests.Workloads;

/// <summary>The generated networks run in the optical simulator and a real TL1 session and driver program them.</summary>
public class PhotonicNetworkDriverTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("germany50", "calient")]
    [InlineData("germany50", "glimmerglass")]
    [InlineData("Geant2012", "calient")]
    [InlineData("Geant2012", "glimmerglass")]
    public async Task CrossConnect_AddDropToFibre_ReadBackShowsIt(string name, string vendor)
    {
        var network = PhotonicNetworkBuilder.Build(SiteNetworks.ByName(name));
        await using var simulator = await OpticalSimulator.StartAsync(network.Topology, basePort: 0).WaitAsync(Wait);
        Assert.Equal(network.Topology.Nodes.Length, simulator.Endpoints.Count);
        var sw = network.Topology.Nodes.First(n => n.Vendor == vendor && network.Topology.LinksAt(n.Id).Any());
        var endpoint = simulator.Endpoints.Single(e => e.Name == sw.Id);
        Assert.Equal(vendor, endpoint.Dialect);
        string addDrop = network.AddDropPorts[sw.Id][^1];
        string fibre = network.Topology.LinksAt(sw.Id).Last().EndAt(sw.Id).Port!;
        var connection = vendor == "calient"
            ? new CrossConnect(addDrop, fibre, Duplex: true)
            : new CrossConnect(addDrop, "2" + fibre[1..], Duplex: true);

        await using var session = new Tl1Session(new TcpTl1Transport("127.0.0.1", endpoint.Tl1Port), new Tl1SessionOptions
        {
            Device = sw.Id,
            UserName = "netctl",
            Password = "secret",
            CommandTimeout = TimeSpan.FromSeconds(10),
        });
        await session.StartAsync().WaitAsync(Wait);
        ICrossConnectProgrammable driver = vendor == "calient" ? new CalientTl1Driver(session) : new GlimmerglassTl1Driver(session);

        await driver.ApplyAsync(connection).WaitAsync(Wait);

        var truth = await driver.ReadCrossConnectsAsync().WaitAsync(Wait);
        var state = Assert.Single(truth);
        Assert.Equal(driver.Canonical(connection), state.Connection);
        Assert.Single(simulator.Network.GetSwitch(sw.Id).Snapshot().Connections, c => c.From == connection.From || c.To == connection.From);
    }
}
