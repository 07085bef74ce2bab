using NetControl.Drivers.Snmp.Messages;
using NetControl.Simulators.Optical.Snmp;
using NetControl.Simulators.Optical.Snmp.Mib;

namespace NetControl.Simulators.Optical.Tests.Snmp;

public sealed class EntitySensorGroupTests
{
    [Fact]
    public void SensorRow_DescribesTenthsOfDbm()
    {
        var snmp = new SnmpHarness("A");
        string Cell(int column) => snmp.SensorCell(MibOids.EntPhySensorEntry, column, "10003");

        Assert.Equal(1, snmp.Value(Cell(MibOids.EntPhySensorType)).AsInt32());
        Assert.Equal(EntitySensorGroup.UnitsScale, snmp.Value(Cell(MibOids.EntPhySensorScale)).AsInt32());
        Assert.Equal(1, snmp.Value(Cell(MibOids.EntPhySensorPrecision)).AsInt32());
        Assert.Equal(EntitySensorGroup.StatusOk, snmp.Value(Cell(MibOids.EntPhySensorOperStatus)).AsInt32());
        Assert.Equal("dBm", snmp.Value(Cell(MibOids.EntPhySensorUnitsDisplay)).AsString());
        Assert.Equal(SnmpValue.Gauge32(0), snmp.Value(Cell(MibOids.EntPhySensorValueUpdateRate)));
        Assert.Equal(PhysicalEntity.SensorClass, snmp.Value(snmp.SensorCell(MibOids.EntPhysicalEntry, MibOids.EntPhysicalClass, "10003")).AsInt32());
        Assert.Equal("10003 Rx power", snmp.Value(snmp.SensorCell(MibOids.EntPhysicalEntry, MibOids.EntPhysicalName, "10003")).AsString());
    }

    [Fact]
    public void SensorValue_IsTheReceivedPowerInTenthsOfDbm()
    {
        var snmp = new SnmpHarness("A");
        string value = snmp.SensorCell(MibOids.EntPhySensorEntry, MibOids.EntPhySensorValue, "10003");
        double dbm = snmp.Switch.PowerAt("10003").Received;

        Assert.Equal(-11.5, dbm, 6);
        Assert.Equal(-115, snmp.Value(value).AsInt32());

        snmp.Network.Faults.CutLink("h1-A");

        Assert.Equal(-600, snmp.Value(value).AsInt32());
    }

    [Fact]
    public void SensorType_Option_GivesCiscosDbm()
    {
        var snmp = new SnmpHarness("X", new SnmpAgentOptions { PowerSensorType = 14 });

        Assert.Equal(14, snmp.Value(snmp.SensorCell(MibOids.EntPhySensorEntry, MibOids.EntPhySensorType, "1.1a.3")).AsInt32());
        Assert.Equal(-7, snmp.Value(snmp.SensorCell(MibOids.EntPhySensorEntry, MibOids.EntPhySensorValue, "1.1a.3")).AsInt32());
    }
}
