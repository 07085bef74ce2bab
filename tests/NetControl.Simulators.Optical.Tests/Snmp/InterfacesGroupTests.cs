using NetControl.Drivers.Snmp.Messages;
using NetControl.Simulators.Optical.Model;
using NetControl.Simulators.Optical.Snmp;
using NetControl.Simulators.Optical.Snmp.Mib;

namespace NetControl.Simulators.Optical.Tests.Snmp;

public sealed class InterfacesGroupTests
{
    /// <summary>10 Gb/s x 0.5 utilisation in octets per second.</summary>
    private const ulong OctetsPerSecond = 625_000_000;

    [Fact]
    public void IfTable_OneRowPerPortInTopologyOrder_NamedAfterThePorts()
    {
        var snmp = new SnmpHarness("A");
        var ports = snmp.Switch.Ports;

        Assert.Equal(ports.Length, snmp.Value("1.3.6.1.2.1.2.1.0").AsInt32());
        for (int i = 0; i < ports.Length; i++)
        {
            int ifIndex = i + 1;
            Assert.Equal(ifIndex, snmp.Value($"{WellKnownOids.IfIndex}.{ifIndex}").AsInt32());
            Assert.Equal(ports[i].Name, snmp.Value($"{WellKnownOids.IfName}.{ifIndex}").AsString());
            Assert.Equal(InterfacesGroup.OpticalChannel, snmp.Value($"{WellKnownOids.IfType}.{ifIndex}").AsInt32());
        }

        Assert.Equal("Glimmerglass input port 10001", snmp.Value(snmp.Cell(MibOids.IfEntry, MibOids.IfDescr, "10001")).AsString());
        Assert.Equal("Glimmerglass output port 20003", snmp.Value(snmp.Cell(MibOids.IfEntry, MibOids.IfDescr, "20003")).AsString());
        Assert.Equal("A1-B1", snmp.Value(snmp.Cell(MibOids.IfXEntry, MibOids.IfAlias, "10001")).AsString());
        Assert.Equal(string.Empty, snmp.Value(snmp.Cell(MibOids.IfXEntry, MibOids.IfAlias, "10004")).AsString());
    }

    [Fact]
    public void IfSpeed_TenGigabit_SaturatesGauge32AndHighSpeedGivesMegabits()
    {
        var snmp = new SnmpHarness();

        Assert.Equal(SnmpValue.Gauge32(uint.MaxValue), snmp.Value(snmp.Cell(MibOids.IfEntry, MibOids.IfSpeed, "10001")));
        Assert.Equal(SnmpValue.Gauge32(10_000), snmp.Value(snmp.Cell(MibOids.IfXEntry, MibOids.IfHighSpeed, "10001")));
    }

    [Fact]
    public void IfOperStatus_FollowsLightAtTheReceiveSide()
    {
        var snmp = new SnmpHarness("A");
        string lit = snmp.Cell(MibOids.IfEntry, MibOids.IfOperStatus, "10003");
        string dark = snmp.Cell(MibOids.IfEntry, MibOids.IfOperStatus, "10001");

        Assert.Equal(1, snmp.Value(lit).AsInt32());
        Assert.Equal(2, snmp.Value(dark).AsInt32());
        Assert.Equal(1, snmp.Value(snmp.Cell(MibOids.IfEntry, MibOids.IfAdminStatus, "10003")).AsInt32());

        snmp.Network.Faults.CutLink("h1-A");

        Assert.Equal(2, snmp.Value(lit).AsInt32());
    }

    [Fact]
    public void IfOperStatus_OutputOnlyPort_FollowsTheLightItTransmits()
    {
        var snmp = new SnmpHarness("A");
        string output = snmp.Cell(MibOids.IfEntry, MibOids.IfOperStatus, "20001");
        Assert.Equal(2, snmp.Value(output).AsInt32());

        snmp.Switch.Connect(new SwitchConnection("10003", "20001")).ThrowIfFailed("A");

        Assert.Equal(1, snmp.Value(output).AsInt32());
    }

    [Fact]
    public void IfHcOctets_GrowAtTheNominalRateOnlyWhileLightIsCarried()
    {
        var snmp = new SnmpHarness("A");
        string litIn = snmp.Cell(MibOids.IfXEntry, MibOids.IfHcInOctets, "10003");
        string darkIn = snmp.Cell(MibOids.IfXEntry, MibOids.IfHcInOctets, "10001");
        string litOut = snmp.Cell(MibOids.IfXEntry, MibOids.IfHcOutOctets, "10003");
        Assert.Equal(SnmpValue.Counter64(0), snmp.Value(litIn));

        snmp.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(10 * OctetsPerSecond, snmp.Value(litIn).AsUInt64());
        Assert.Equal(0ul, snmp.Value(darkIn).AsUInt64());
        Assert.Equal(0ul, snmp.Value(litOut).AsUInt64());

        snmp.Network.Faults.CutLink("h1-A");
        snmp.Value(litIn);
        snmp.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(10 * OctetsPerSecond, snmp.Value(litIn).AsUInt64());

        snmp.Network.Faults.RepairLink("h1-A");
        snmp.Value(litIn);
        snmp.Clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.Equal((10 * OctetsPerSecond) + (OctetsPerSecond / 2), snmp.Value(litIn).AsUInt64());
    }

    [Fact]
    public void IfHcOctets_CountThroughTrafficOnly_CountOnlyWhileTheLightCrossesAConnection()
    {
        var snmp = new SnmpHarness("A", new SnmpAgentOptions { CountThroughTrafficOnly = true });
        string hostIn = snmp.Cell(MibOids.IfXEntry, MibOids.IfHcInOctets, "10003");
        string onwardOut = snmp.Cell(MibOids.IfXEntry, MibOids.IfHcOutOctets, "20001");

        // h1 lights 10003, but no connection takes that light anywhere: nothing is carried.
        snmp.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0ul, snmp.Value(hostIn).AsUInt64());
        Assert.Equal(0ul, snmp.Value(onwardOut).AsUInt64());

        snmp.Switch.Connect(new SwitchConnection("10003", "20001")).ThrowIfFailed("A");
        snmp.Value(hostIn);
        snmp.Value(onwardOut);
        snmp.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(4 * OctetsPerSecond, snmp.Value(hostIn).AsUInt64());
        Assert.Equal(4 * OctetsPerSecond, snmp.Value(onwardOut).AsUInt64());

        snmp.Switch.Disconnect(new ConnectionRef("10003", "20001")).ThrowIfFailed("A");
        snmp.Value(hostIn);
        snmp.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(4 * OctetsPerSecond, snmp.Value(hostIn).AsUInt64());
    }

    [Fact]
    public void IfInOctets_IsTheLow32BitsOfTheHcCounter()
    {
        var snmp = new SnmpHarness("A");
        snmp.Clock.Advance(TimeSpan.FromSeconds(10));

        var low = snmp.Value(snmp.Cell(MibOids.IfEntry, MibOids.IfInOctets, "10003"));

        Assert.Equal(SnmpValue.Counter32(unchecked((uint)(10 * OctetsPerSecond))), low);
    }

    [Fact]
    public void IfHcOctets_RateAndUtilisation_AreConfigurable()
    {
        var snmp = new SnmpHarness("X", new SnmpAgentOptions { NominalRateBitsPerSecond = 100e9, Utilisation = 0.1 });
        snmp.Clock.Advance(TimeSpan.FromSeconds(4));

        var counter = snmp.Value(snmp.Cell(MibOids.IfXEntry, MibOids.IfHcInOctets, "1.1a.3"));

        Assert.Equal(4 * 1_250_000_000ul, counter.AsUInt64());
        Assert.Equal(SnmpValue.Gauge32(100_000), snmp.Value(snmp.Cell(MibOids.IfXEntry, MibOids.IfHighSpeed, "1.1a.3")));
    }

    [Fact]
    public void IfLastChange_IsTheUpTimeWhenTheMonitorSawTheChange()
    {
        var snmp = new SnmpHarness("A");
        var changes = new List<bool>();
        using var monitor = new NetControl.Simulators.Optical.Snmp.Notifications.LinkMonitor(snmp.Context, c => changes.Add(c.Up));
        string lastChange = snmp.Cell(MibOids.IfEntry, MibOids.IfLastChange, "10003");
        Assert.Equal(SnmpValue.TimeTicks(0), snmp.Value(lastChange));

        snmp.Clock.Advance(TimeSpan.FromSeconds(3));
        snmp.Network.Faults.CutLink("h1-A");
        monitor.Poll();

        Assert.Equal([false], changes);
        Assert.Equal(SnmpValue.TimeTicks(300), snmp.Value(lastChange));
    }
}
