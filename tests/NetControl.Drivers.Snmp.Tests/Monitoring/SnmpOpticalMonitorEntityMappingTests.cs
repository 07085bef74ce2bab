using NetControl.Drivers.Snmp.Client;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Drivers.Snmp.Monitoring;
using NetControl.Drivers.Snmp.Tests.Support;

namespace NetControl.Drivers.Snmp.Tests.Monitoring;

/// <summary>
/// How the monitor finds a sensor's port on devices laid out differently from the simulator: a fixed MIB served by a
/// <see cref="StaticMibAgent"/>, with dBm(14) sensors in tenths of a dBm.
/// </summary>
public sealed class SnmpOpticalMonitorEntityMappingTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly SnmpClient _client = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Fact]
    public async Task ReadPower_SensorWithItsOwnAlias_MapsByItRatherThanByItsContainer()
    {
        await using var agent = new StaticMibAgent(
        [
            .. Interfaces("p1", "p2"),
            Contained(100, 0), Alias(100, 1),
            Contained(101, 100), Alias(101, 2), .. Sensor(101, -35),
            Contained(102, 100), .. Sensor(102, -52),
        ]);

        var power = await Monitor(agent).ReadPowerAsync().WaitAsync(Wait);

        Assert.Equal([("p1", -5.2), ("p2", -3.5)], power.Select(p => (p.Port, p.PowerDbm)));
    }

    [Fact]
    public async Task ReadPower_SensorInATransceiverInAPort_WalksUpToThePortsAlias()
    {
        await using var agent = new StaticMibAgent(
        [
            .. Interfaces("xe-0/0/0", "xe-0/0/1", "xe-0/0/2"),
            Contained(1, 0),
            Contained(1000, 1), Alias(1000, 3),
            Contained(1001, 1000),
            Contained(1002, 1001), .. Sensor(1002, -71),
            Contained(2, 1), .. Sensor(2, -20), // index 2 is also an ifIndex: not taken as one while an alias table exists
        ]);

        var power = await Monitor(agent).ReadPowerAsync().WaitAsync(Wait);

        var only = Assert.Single(power);
        Assert.Equal(("xe-0/0/2", -7.1, true), (only.Port, only.PowerDbm, only.HasLight));
    }

    [Fact]
    public async Task ReadPower_WantedPortWhoseOnlySensorMapsNowhere_NoDbmSensorError()
    {
        await using var agent = new StaticMibAgent(
        [
            .. Interfaces("p1", "p2"),
            Contained(10, 0), Alias(10, 1), Contained(11, 10), .. Sensor(11, -40),
            Contained(2, 0), .. Sensor(2, -40), // numbered like p2's ifIndex, but in nothing mapped
        ]);

        var error = await Assert.ThrowsAsync<SnmpException>(() => Monitor(agent).ReadPowerAsync(["p1", "p2"]).WaitAsync(Wait));

        Assert.Contains("no dBm sensor for port(s) p2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadPower_ReceiveAndTransmitSensorsOnOnePort_ReadsTheReceiveSensor()
    {
        await using var agent = new StaticMibAgent(
        [
            .. Interfaces("Te1/1"),
            Contained(1000, 0), Alias(1000, 1),
            Contained(1001, 1000), Name(1001, "Te1/1 Transmit Power Sensor"), .. Sensor(1001, -10),
            Contained(1002, 1000), Name(1002, "Te1/1 Receive Power Sensor"), .. Sensor(1002, -250),
        ]);

        var power = Assert.Single(await Monitor(agent).ReadPowerAsync().WaitAsync(Wait));

        Assert.Equal(-25.0, power.PowerDbm);
        Assert.False(power.HasLight);
    }

    [Fact]
    public async Task ReadPower_NoAliasTable_SensorIndexTakenAsIfIndex()
    {
        await using var agent = new StaticMibAgent([.. Interfaces("p1", "p2"), .. Sensor(2, -30), .. Sensor(7, -30)]);

        var power = await Monitor(agent).ReadPowerAsync().WaitAsync(Wait);

        Assert.Equal([("p2", -3.0)], power.Select(p => (p.Port, p.PowerDbm)));
    }

    [Fact]
    public async Task ReadPower_TransmitAndReceiveSensorsNamedAlikeButDescribed_ReadsTheOneDescribedReceive()
    {
        await using var agent = new StaticMibAgent(
        [
            .. Interfaces("p1"),
            Contained(10, 0), Alias(10, 1),
            Contained(11, 10), Name(11, "optic 1"), Descr(11, "Tx power"), .. Sensor(11, -10),
            Contained(12, 10), Name(12, "optic 2"), Descr(12, "Rx power"), .. Sensor(12, -30),
        ]);

        var power = Assert.Single(await Monitor(agent).ReadPowerAsync().WaitAsync(Wait));

        Assert.Equal(-3.0, power.PowerDbm);
    }

    [Fact]
    public async Task ReadPower_SecondPollWhileEntLastChangeTimeStays_ReadsOnlyEntLastChangeTimeAndSensorValues()
    {
        await using var agent = new StaticMibAgent([.. TwoPortDevice(), LastChange(500)]);
        var monitor = Monitor(agent);
        var first = await monitor.ReadPowerAsync().WaitAsync(Wait);
        agent.ClearRequests();
        agent.Set(new VarBind($"{WellKnownOids.EntPhySensorValue}.101", SnmpValue.Integer(-80)));

        var second = await monitor.ReadPowerAsync().WaitAsync(Wait);

        Assert.Equal([("p1", -3.5), ("p2", -5.2)], first.Select(p => (p.Port, p.PowerDbm)));
        Assert.Equal([("p1", -8.0), ("p2", -5.2)], second.Select(p => (p.Port, p.PowerDbm)));
        var requests = agent.Requests;
        Assert.Equal((PduType.GetRequest, WellKnownOids.EntLastChangeTime), requests[0]);
        Assert.All(requests.Skip(1), r => Assert.Equal((PduType.GetBulkRequest, true), (r.Type, Oid.IsUnder(r.FirstOid, WellKnownOids.EntPhySensorValue) || r.FirstOid == WellKnownOids.EntPhySensorValue)));
        Assert.Equal(2, requests.Count);   // the GET, and one GETBULK holds both values
    }

    [Fact]
    public async Task ReadPower_EntLastChangeTimeMoves_ReadsTheLayoutAgain()
    {
        await using var agent = new StaticMibAgent([.. TwoPortDevice(), LastChange(500)]);
        var monitor = Monitor(agent);
        await monitor.ReadPowerAsync().WaitAsync(Wait);
        agent.Set(Alias(100, 2));   // the two ports' modules swapped
        agent.Set(Alias(200, 1));

        var unchanged = await monitor.ReadPowerAsync().WaitAsync(Wait);
        agent.Set(LastChange(900));
        agent.ClearRequests();
        var changed = await monitor.ReadPowerAsync().WaitAsync(Wait);

        Assert.Equal([("p1", -3.5), ("p2", -5.2)], unchanged.Select(p => (p.Port, p.PowerDbm)));   // kept: nothing said the layout changed
        Assert.Equal([("p1", -5.2), ("p2", -3.5)], changed.Select(p => (p.Port, p.PowerDbm)));
        Assert.Contains(agent.Requests, r => r.FirstOid == WellKnownOids.EntAliasMappingIdentifier);
    }

    [Fact]
    public async Task ReadPower_DeviceWithoutEntLastChangeTime_ReadsTheLayoutEveryPoll()
    {
        await using var agent = new StaticMibAgent(TwoPortDevice());
        var monitor = Monitor(agent);
        await monitor.ReadPowerAsync().WaitAsync(Wait);
        agent.Set(Alias(100, 2));
        agent.Set(Alias(200, 1));

        var power = await monitor.ReadPowerAsync().WaitAsync(Wait);

        Assert.Equal([("p1", -5.2), ("p2", -3.5)], power.Select(p => (p.Port, p.PowerDbm)));
    }

    [Fact]
    public async Task ReadPower_PollFails_NextPollReadsTheLayoutAgain()
    {
        await using var agent = new StaticMibAgent([.. TwoPortDevice(), LastChange(500)]);
        var monitor = Monitor(agent);
        await monitor.ReadPowerAsync().WaitAsync(Wait);
        agent.Set(Alias(100, 2));   // swapped without entLastChangeTime saying so
        agent.Set(Alias(200, 1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => monitor.ReadPowerAsync(cancellationToken: new CancellationToken(canceled: true)));
        var power = await monitor.ReadPowerAsync().WaitAsync(Wait);

        Assert.Equal([("p1", -5.2), ("p2", -3.5)], power.Select(p => (p.Port, p.PowerDbm)));
    }

    [Fact]
    public void TryGetIfIndex_ContainmentChainAsLongAsTheTable_ReachesTheAlias()
    {
        var map = new EntityPortMap(new Dictionary<int, int> { [1] = 7 }, new Dictionary<int, int> { [5] = 4, [4] = 3, [3] = 2, [2] = 1, [1] = 0 });

        Assert.True(map.TryGetIfIndex(5, out int ifIndex));
        Assert.Equal(7, ifIndex);
    }

    [Fact]
    public void TryGetIfIndex_ContainmentLoopWithoutAlias_IsFalse()
    {
        var map = new EntityPortMap(new Dictionary<int, int> { [9] = 1 }, new Dictionary<int, int> { [5] = 6, [6] = 5 });

        Assert.False(map.TryGetIfIndex(5, out _));
        Assert.True(map.TryGetIfIndex(9, out int ifIndex));
        Assert.Equal(1, ifIndex);
    }

    [Fact]
    public async Task ReadAsync_AliasRowsForLogicalEntitiesAndNonInterfaces_PrefersLogicalZeroAndIgnoresOthers()
    {
        await using var agent = new StaticMibAgent(
        [
            Alias(10, 4, logical: 0), Alias(10, 5, logical: 2),
            Alias(11, 6, logical: 3),
            new VarBind($"{WellKnownOids.EntAliasMappingIdentifier}.12.0", SnmpValue.ObjectIdentifier("1.3.6.1.2.1.4.20.1.1.10.0.0.1")),
            Contained(12, 11),
        ]);

        var map = await EntityPortMap.ReadAsync(_client, agent.Target, CancellationToken.None).WaitAsync(Wait);

        Assert.True(map.UsesAliasTable);
        Assert.Equal((true, 4), (map.TryGetIfIndex(10, out int a), a));
        Assert.Equal((true, 6), (map.TryGetIfIndex(11, out int b), b));
        Assert.Equal((true, 6), (map.TryGetIfIndex(12, out int c), c));
    }

    private SnmpOpticalMonitor Monitor(StaticMibAgent agent) => new(_client, agent.Target, "dev");

    /// <summary>Ports p1 and p2; module entities 100 (alias p1) and 200 (alias p2) holding sensors 101 (-3.5 dBm) and 201 (-5.2 dBm).</summary>
    private static IEnumerable<VarBind> TwoPortDevice() =>
    [
        .. Interfaces("p1", "p2"),
        Contained(100, 0), Alias(100, 1), Contained(101, 100), .. Sensor(101, -35),
        Contained(200, 0), Alias(200, 2), Contained(201, 200), .. Sensor(201, -52),
    ];

    private static VarBind LastChange(uint ticks) => new(WellKnownOids.EntLastChangeTime, SnmpValue.TimeTicks(ticks));

    private static VarBind Descr(int entity, string descr) => new($"{WellKnownOids.EntPhysicalDescr}.{entity}", SnmpValue.OctetString(descr));

    private static IEnumerable<VarBind> Interfaces(params string[] names) =>
        names.Select((n, i) => new VarBind($"{WellKnownOids.IfName}.{i + 1}", SnmpValue.OctetString(n)));

    private static IEnumerable<VarBind> Sensor(int entity, int tenthsOfDbm) =>
    [
        new($"{WellKnownOids.EntPhySensorType}.{entity}", SnmpValue.Integer(SnmpOpticalMonitor.SensorTypeDbm)),
        new($"{WellKnownOids.EntPhySensorScale}.{entity}", SnmpValue.Integer(9)),
        new($"{WellKnownOids.EntPhySensorPrecision}.{entity}", SnmpValue.Integer(1)),
        new($"{WellKnownOids.EntPhySensorValue}.{entity}", SnmpValue.Integer(tenthsOfDbm)),
    ];

    private static VarBind Contained(int entity, int container) => new($"{WellKnownOids.EntPhysicalContainedIn}.{entity}", SnmpValue.Integer(container));

    private static VarBind Name(int entity, string name) => new($"{WellKnownOids.EntPhysicalName}.{entity}", SnmpValue.OctetString(name));

    private static VarBind Alias(int entity, int ifIndex, int logical = 0) =>
        new($"{WellKnownOids.EntAliasMappingIdentifier}.{entity}.{logical}", SnmpValue.ObjectIdentifier($"{WellKnownOids.IfIndex}.{ifIndex}"));
}
