using System.Net;
using NetControl.Core.Devices;
using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Monitoring;
using NetControl.Drivers.Snmp.Receiver;
using NetControl.Formats;
using NetControl.Simulators.Optical.Server;
using NetControl.Simulators.Optical.Snmp;
using NetControl.Tests.Shared;

namespace NetControl.Drivers.Snmp.Tests.Monitoring;

/// <summary>
/// The SNMP optical monitor and the utilisation poller against the simulated Caltech Calient (CIT-PXC) of the demo
/// network, whose SNMP agent sends linkDown/linkUp to our trap receiver: caltech-fdt lights port 1.1a.2.
/// </summary>
public sealed class SnmpMonitoringTests : IAsyncLifetime
{
    private const string Switch = "CIT-PXC";
    private const string HostPort = "1.1a.2";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly SnmpClient _client = new();
    private SnmpTrapReceiver _receiver = null!;
    private OpticalSimulator _simulator = null!;

    private SnmpTarget Target => SnmpTarget.V2c(new IPEndPoint(IPAddress.Loopback, _simulator.Endpoints.Single(e => e.Name == Switch).SnmpPort!.Value));

    public async Task InitializeAsync() => await StartAsync(null);

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _receiver.DisposeAsync();
        await _client.DisposeAsync();
    }

    [Fact]
    public async Task ReadPower_HostPortBeforeAndAfterCut_LightThenDark()
    {
        var monitor = new SnmpOpticalMonitor(_client, Target, Switch);

        var before = Assert.Single(await monitor.ReadPowerAsync([HostPort]).WaitAsync(Wait));
        double modelled = _simulator.Network.PowerAt(Switch, HostPort).Received;
        _simulator.Network.Faults.CutLink("CIT-FDT");
        var after = Assert.Single(await monitor.ReadPowerAsync([HostPort]).WaitAsync(Wait));

        Assert.True(before.HasLight, $"{before.PowerDbm} dBm before the cut");
        Assert.Equal(modelled, before.PowerDbm, 0.06);   // the agent reports tenths of a dBm
        Assert.False(after.HasLight);
    }

    [Fact]
    public async Task ReadPower_AllPortsThroughContainmentAndAlias_EachMatchesTheModel()
    {
        var monitor = new SnmpOpticalMonitor(_client, Target, Switch);

        var power = await monitor.ReadPowerAsync().WaitAsync(Wait);

        // Sensor entities are 2 x ifIndex + 1 inside port entity 2 x ifIndex: only the alias mapping of the port
        // entity names the right port, so each value matching its own port's modelled light proves the mapping.
        AssertMatchesModel(power);
        Assert.Contains(power, p => p.Port == HostPort && p.HasLight);
        Assert.Contains(power, p => !p.HasLight);
    }

    [Fact]
    public async Task ReadPower_AgentWithoutAliasTable_FallsBackToSensorIndexAsIfIndex()
    {
        await _simulator.DisposeAsync();
        await StartAsync(null, SnmpEntityLayout.SensorIndexIsIfIndex);
        var monitor = new SnmpOpticalMonitor(_client, Target, Switch);

        var power = await monitor.ReadPowerAsync().WaitAsync(Wait);
        var host = Assert.Single(await monitor.ReadPowerAsync([HostPort]).WaitAsync(Wait));

        AssertMatchesModel(power);
        Assert.True(host.HasLight, $"{host.PowerDbm} dBm");
    }

    [Fact]
    public async Task ReadPower_UnknownPort_OneLineError()
    {
        var monitor = new SnmpOpticalMonitor(_client, Target, Switch);

        var error = await Assert.ThrowsAsync<SnmpException>(() => monitor.ReadPowerAsync(["9.9z.9"]).WaitAsync(Wait));

        Assert.Contains("no dBm sensor for port(s) 9.9z.9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_FibreCutAndRepair_LosRaisedFromLinkDownAndClearedByLinkUp()
    {
        var monitor = new SnmpOpticalMonitor(_client, Target, Switch, _receiver);
        using var cts = new CancellationTokenSource(Wait);
        await using var events = monitor.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await events.MoveNextAsync());
        var initial = Assert.IsType<DeviceEvent.Resynchronized>(events.Current);
        Assert.DoesNotContain(initial.ActiveAlarms, a => a.Entity == HostPort);

        _simulator.Network.Faults.CutLink("CIT-FDT");
        var raised = await Next(events, a => a.Entity == HostPort && !a.IsCleared);
        var active = await monitor.ReadActiveAlarmsAsync().WaitAsync(Wait);
        _simulator.Network.Faults.RepairLink("CIT-FDT");
        var cleared = await Next(events, a => a.Entity == HostPort && a.IsCleared);

        Assert.Equal("LOS", raised.Condition);
        Assert.Contains(active, a => a.Entity == HostPort && a.Condition == "LOS");
        Assert.Equal(Switch, cleared.Device);
    }

    [Fact]
    public async Task Poll_TenVirtualSeconds_RateOfTheLitPortIsNominalTimesUtilisation()
    {
        var time = new ManualTimeProvider();
        await _simulator.DisposeAsync();
        await StartAsync(time);
        var poller = new InterfaceRatePoller(_client, Target, Switch, time);

        Assert.Empty(await poller.PollAsync().WaitAsync(Wait));
        time.Advance(TimeSpan.FromSeconds(10));
        var rates = await poller.PollAsync().WaitAsync(Wait);

        var lit = Assert.Single(rates, r => r.Port == HostPort);
        Assert.Equal(TimeSpan.FromSeconds(10), lit.Interval);
        Assert.Equal(5e9, lit.InBitsPerSecond, 5e9 * 0.01);
        Assert.Contains(rates, r => r.InBitsPerSecond == 0);
    }

    /// <summary>One reading per port of the switch, in port order, each within the agent's tenth of a dBm of the modelled received light.</summary>
    private void AssertMatchesModel(IReadOnlyList<PortPower> power)
    {
        var ports = _simulator.Network.GetSwitch(Switch).Ports.Select(p => p.Name).ToArray();
        Assert.Equal(ports, power.Select(p => p.Port));
        Assert.All(power, p => Assert.Equal(_simulator.Network.PowerAt(Switch, p.Port).Received, p.PowerDbm, 0.06));
    }

    private async Task StartAsync(ManualTimeProvider? time, SnmpEntityLayout layout = SnmpEntityLayout.Contained)
    {
        _receiver ??= new SnmpTrapReceiver(new SnmpTrapReceiverOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        var topology = TopologyFile.Load(Path.Combine(SharedDataPath.RepositoryRoot(), "topology", "uslhcnet.yaml"));
        _simulator = await OpticalSimulator.StartAsync(
            topology,
            timeProvider: time,
            snmp: new SnmpAgentOptions { TrapTargets = [new SnmpTrapTarget("127.0.0.1", _receiver.EndPoint.Port)], Utilisation = 0.5, NominalRateBitsPerSecond = 10e9, EntityLayout = layout });
    }

    private static async Task<DeviceAlarm> Next(IAsyncEnumerator<DeviceEvent> events, Func<DeviceAlarm, bool> match)
    {
        while (await events.MoveNextAsync().AsTask().WaitAsync(Wait))
        {
            if (events.Current is DeviceEvent.Alarm { Value: var alarm } && match(alarm))
            {
                return alarm;
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }
}
