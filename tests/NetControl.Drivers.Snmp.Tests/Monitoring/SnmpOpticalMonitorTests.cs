using System.Net;
using System.Net.Sockets;
using NetControl.Core.Devices;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Monitoring;
using NetControl.Drivers.Snmp.Receiver;
using NetControl.Drivers.Snmp.Tests.Support;
using NetControl.Formats;
using NetControl.Simulators.Optical.Server;
using NetControl.Simulators.Optical.Snmp;

namespace NetControl.Drivers.Snmp.Tests.Monitoring;

/// <summary>
/// Two simulated switches, both agents on 127.0.0.1 (each on its own port), sending their notifications to one trap
/// receiver: host h1 lights PXA port 1.1a.1, host h2 lights PXB port 1.1a.2.
/// </summary>
public sealed class SnmpOpticalMonitorTests : IAsyncLifetime
{
    private const string Yaml = """
        name: two-switches
        nodes:
          - id: PXA
            kind: optical-switch
            vendor: calient
            ports:
              - range: { bidirectional: "1.1a.1-2" }
          - id: PXB
            kind: optical-switch
            vendor: calient
            ports:
              - range: { bidirectional: "1.1a.1-2" }
          - id: h1
            kind: host
            ports:
              - name: eth0
          - id: h2
            kind: host
            ports:
              - name: eth0
        links:
          - { id: h1-pxa, a: "h1:eth0", b: "PXA:1.1a.1", length-km: 1 }
          - { id: h2-pxb, a: "h2:eth0", b: "PXB:1.1a.2", length-km: 1 }
        """;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly SnmpClient _client = new();
    private readonly SnmpTrapReceiver _receiver = new();
    private OpticalSimulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await StartAsync(new SnmpAgentOptions());

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _receiver.DisposeAsync();
        await _client.DisposeAsync();
    }

    [Fact]
    public async Task Watch_TwoSwitchesOnOneReceiver_EachMonitorSeesOnlyItsOwnLinkDown()
    {
        // The agents share 127.0.0.1 and each sends from its agent socket: each monitor names that exact endpoint.
        var targetA = Target(_simulator, "PXA");
        var targetB = Target(_simulator, "PXB");
        var a = new SnmpOpticalMonitor(_client, targetA, "PXA", _receiver, trapSource: targetA.EndPoint);
        var b = new SnmpOpticalMonitor(_client, targetB, "PXB", _receiver, trapSource: targetB.EndPoint);
        using var cts = new CancellationTokenSource(Wait);
        await using var eventsA = a.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await using var eventsB = b.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await eventsA.MoveNextAsync());
        Assert.True(await eventsB.MoveNextAsync());

        _simulator.Network.Faults.CutLink("h2-pxb");
        var fromB = await NextAlarm(eventsB);
        _simulator.Network.Faults.CutLink("h1-pxa");
        var fromA = await NextAlarm(eventsA);

        // A's first alarm is its own: B's linkDown (same address, another port) was not attributed to A.
        Assert.Equal(("PXB", "1.1a.2", false), (fromB.Device, fromB.Entity, fromB.IsCleared));
        Assert.Equal(("PXA", "1.1a.1", false), (fromA.Device, fromA.Entity, fromA.IsCleared));
    }

    [Fact]
    public async Task Watch_TrapFromAnotherPortOfTheAgentsAddress_AddressOnlyMonitorRaisesTheAlarm()
    {
        // As real agents (net-snmp's snmpd included) do: the notification comes from an ephemeral port, not the agent's.
        var target = Target(_simulator, "PXB");
        var byAddress = new SnmpOpticalMonitor(_client, target, "PXB", _receiver);
        var byEndpoint = new SnmpOpticalMonitor(_client, target, "PXB", _receiver, trapSource: target.EndPoint);
        using var cts = new CancellationTokenSource(Wait);
        await using var eventsByAddress = byAddress.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await using var eventsByEndpoint = byEndpoint.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await eventsByAddress.MoveNextAsync());
        Assert.True(await eventsByEndpoint.MoveNextAsync());

        using (var ephemeral = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            ephemeral.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            Assert.NotEqual(target.EndPoint.Port, ((IPEndPoint)ephemeral.LocalEndPoint!).Port);
            await ephemeral.SendToAsync(TestMessages.V2cNotification("public", up: false, ifIndex: 1), SocketFlags.None, new IPEndPoint(IPAddress.Loopback, _receiver.EndPoint.Port));
        }

        var fromAddress = await NextAlarm(eventsByAddress);
        _simulator.Network.Faults.CutLink("h2-pxb");
        var fromEndpoint = await NextAlarm(eventsByEndpoint);

        Assert.Equal(("PXB", "1.1a.1", false), (fromAddress.Device, fromAddress.Entity, fromAddress.IsCleared));
        // The monitor given the exact trap source skipped the ephemeral port's trap: its first alarm is the agent's own.
        Assert.Equal(("PXB", "1.1a.2", false), (fromEndpoint.Device, fromEndpoint.Entity, fromEndpoint.IsCleared));
    }

    [Fact]
    public async Task Watch_TwoMonitorsOfOneSwitch_BothSeeTheLinkDown()
    {
        var target = Target(_simulator, "PXB");
        var first = new SnmpOpticalMonitor(_client, target, "PXB", _receiver);
        var second = new SnmpOpticalMonitor(_client, target, "PXB", _receiver);
        using var cts = new CancellationTokenSource(Wait);
        await using var events1 = first.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await using var events2 = second.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await events1.MoveNextAsync());
        Assert.True(await events2.MoveNextAsync());

        _simulator.Network.Faults.CutLink("h2-pxb");

        Assert.Equal("1.1a.2", (await NextAlarm(events1)).Entity);
        Assert.Equal("1.1a.2", (await NextAlarm(events2)).Entity);
    }

    [Fact]
    public async Task ReadPower_SensorTypedDbmWithoutUnitsDisplay_IsRead()
    {
        await _simulator.DisposeAsync();
        _simulator = await StartAsync(new SnmpAgentOptions { PowerSensorType = SnmpOpticalMonitor.SensorTypeDbm, PowerSensorUnitsDisplay = string.Empty });
        var monitor = new SnmpOpticalMonitor(_client, Target(_simulator, "PXA"), "PXA");

        var power = await monitor.ReadPowerAsync().WaitAsync(Wait);

        Assert.Equal(["1.1a.1", "1.1a.2"], power.Select(p => p.Port));
        Assert.True(power[0].HasLight, $"{power[0].PowerDbm} dBm");
        Assert.False(power[1].HasLight);
    }

    [Fact]
    public async Task ReadPower_SecondPollOfASimulatedSwitch_IsOneGetAndOneWalkRequest()
    {
        var target = Target(_simulator, "PXA");
        var agent = _simulator.SnmpAgents.Single(a => a.Port == target.EndPoint.Port);
        var monitor = new SnmpOpticalMonitor(_client, target, "PXA");
        var first = await monitor.ReadPowerAsync().WaitAsync(Wait);
        long before = agent.Counters.InPackets;

        var second = await monitor.ReadPowerAsync().WaitAsync(Wait);

        // entLastChangeTime.0 did not move: the entity layout is kept, only the sensor values are read.
        Assert.Equal(2, agent.Counters.InPackets - before);
        Assert.Equal(first.Select(p => p.Port), second.Select(p => p.Port));
    }

    private static SnmpTarget Target(OpticalSimulator simulator, string name) =>
        SnmpTarget.V2c(new IPEndPoint(IPAddress.Loopback, simulator.Endpoints.Single(e => e.Name == name).SnmpPort!.Value));

    private static async Task<DeviceAlarm> NextAlarm(IAsyncEnumerator<DeviceEvent> events)
    {
        while (await events.MoveNextAsync().AsTask().WaitAsync(Wait))
        {
            if (events.Current is DeviceEvent.Alarm { Value: var alarm })
            {
                return alarm;
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }

    private Task<OpticalSimulator> StartAsync(SnmpAgentOptions options) =>
        OpticalSimulator.StartAsync(
            TopologyFile.Parse(Yaml, "two-switches.yaml"),
            snmp: options with { TrapTargets = [new SnmpTrapTarget("127.0.0.1", _receiver.EndPoint.Port)] });
}
