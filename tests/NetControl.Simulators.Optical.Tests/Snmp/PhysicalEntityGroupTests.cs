using NetControl.Drivers.Snmp.Messages;
using NetControl.Simulators.Optical.Snmp;
using NetControl.Simulators.Optical.Snmp.Mib;

namespace NetControl.Simulators.Optical.Tests.Snmp;

public sealed class PhysicalEntityGroupTests
{
    private static readonly string ContainedIn = MibOids.Column(MibOids.EntPhysicalEntry, MibOids.EntPhysicalContainedIn);
    private static readonly string Class = MibOids.Column(MibOids.EntPhysicalEntry, MibOids.EntPhysicalClass);
    private static readonly string Name = MibOids.Column(MibOids.EntPhysicalEntry, MibOids.EntPhysicalName);
    private static readonly string Alias = MibOids.Column(MibOids.EntAliasMappingEntry, MibOids.EntAliasMappingIdentifier);
    private static readonly string SensorValue = MibOids.Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorValue);
    private static readonly string IfName = MibOids.Column(MibOids.IfXEntry, MibOids.IfName);

    [Fact]
    public void EntPhysicalTable_ContainedLayout_ChassisHoldsEachPortWhichHoldsItsSensor()
    {
        var snmp = new SnmpHarness("X");

        var containedIn = snmp.Walk(ContainedIn);
        var classes = snmp.Walk(Class);
        var names = snmp.Walk(Name);

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9"], containedIn.Select(r => r.Index));
        Assert.Equal([0, 1, 2, 1, 4, 1, 6, 1, 8], containedIn.Select(r => r.Value.AsInt32()));
        Assert.Equal([3, 10, 8, 10, 8, 10, 8, 10, 8], classes.Select(r => r.Value.AsInt32()));
        Assert.Equal(["X", "1.1a.1", "1.1a.1 Rx power", "1.1a.2", "1.1a.2 Rx power"], names.Take(5).Select(r => r.Value.AsString()));
    }

    [Fact]
    public void EntLastChangeTime_AfterTimePasses_StaysAtTheAgentsStart()
    {
        var snmp = new SnmpHarness("X");
        snmp.Clock.Advance(TimeSpan.FromMinutes(5));

        var lastChange = snmp.Value(MibOids.Instance(MibOids.EntLastChangeTime));

        Assert.Equal(SnmpValueType.TimeTicks, lastChange.Type);
        Assert.Equal(0u, lastChange.AsUInt32());
        Assert.Equal(30000u, snmp.Value(MibOids.Instance(MibOids.SysUpTime)).AsUInt32());
    }

    [Fact]
    public void EntAliasMapping_ContainedLayout_EachPortEntityNamesItsIfIndexAtLogicalIndexZero()
    {
        var snmp = new SnmpHarness("X");

        var aliases = snmp.Walk(Alias);

        Assert.Equal(["2.0", "4.0", "6.0", "8.0"], aliases.Select(r => r.Index));
        Assert.All(aliases, r => Assert.Equal(SnmpValueType.ObjectIdentifier, r.Value.Type));
        Assert.Equal(
            ["1.3.6.1.2.1.2.2.1.1.1", "1.3.6.1.2.1.2.2.1.1.2", "1.3.6.1.2.1.2.2.1.1.3", "1.3.6.1.2.1.2.2.1.1.4"],
            aliases.Select(r => r.Value.AsOid()));
    }

    [Fact]
    public void EntAliasMapping_EightPorts_WalkedInNumericOrder()
    {
        var snmp = new SnmpHarness("A");

        var aliases = snmp.Walk(Alias);

        // "10.0" sorts after "8.0" by arcs, not before "2.0" as text would.
        Assert.Equal(["2.0", "4.0", "6.0", "8.0", "10.0", "12.0", "14.0", "16.0"], aliases.Select(r => r.Index));
    }

    [Fact]
    public void SensorOfLitPort_FollowedThroughContainmentAndAlias_ReachesThatPortsIfName()
    {
        var snmp = new SnmpHarness("X");
        var lit = snmp.Walk(SensorValue).Single(r => r.Value.AsInt32() > -600);

        int port = snmp.Value($"{ContainedIn}.{lit.Index}").AsInt32();
        string ifIndexOid = snmp.Value($"{Alias}.{port}.0").AsOid();
        string ifIndex = ifIndexOid[(ifIndexOid.LastIndexOf('.') + 1)..];

        Assert.Equal(-7, lit.Value.AsInt32());
        Assert.NotEqual(ifIndex, lit.Index);
        Assert.Equal("1.1a.3", snmp.Value($"{IfName}.{ifIndex}").AsString());
    }

    [Fact]
    public void SensorIndexIsIfIndexLayout_SensorsOnlyAtIfIndexAndNoAliasTable()
    {
        var snmp = new SnmpHarness("X", new SnmpAgentOptions { EntityLayout = SnmpEntityLayout.SensorIndexIsIfIndex });

        Assert.Empty(snmp.Walk(Alias));
        Assert.Equal(["1", "2", "3", "4"], snmp.Walk(SensorValue).Select(r => r.Index));
        Assert.Equal([8, 8, 8, 8], snmp.Walk(Class).Select(r => r.Value.AsInt32()));
        Assert.Equal([0, 0, 0, 0], snmp.Walk(ContainedIn).Select(r => r.Value.AsInt32()));
        Assert.Equal(-7, snmp.Value($"{SensorValue}.{snmp.IfIndexOf("1.1a.3")}").AsInt32());
    }

    [Fact]
    public void OutputOnlyPort_SensorEntity_IsNamedForTransmitPower()
    {
        var snmp = new SnmpHarness("A");

        Assert.Equal("20003 Tx power", snmp.Value(snmp.SensorCell(MibOids.EntPhysicalEntry, MibOids.EntPhysicalName, "20003")).AsString());
        Assert.Equal(PhysicalEntity.PortClass, snmp.Value($"{Class}.{PhysicalEntities.PortOf(snmp.IfIndexOf("20003"))}").AsInt32());
    }
}
