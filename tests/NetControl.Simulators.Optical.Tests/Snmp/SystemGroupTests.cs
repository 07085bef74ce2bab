using NetControl.Drivers.Snmp.Messages;
using NetControl.Simulators.Optical.Snmp;

namespace NetControl.Simulators.Optical.Tests.Snmp;

public sealed class SystemGroupTests
{
    [Fact]
    public void Get_SystemScalars_DescribeTheSwitch()
    {
        var snmp = new SnmpHarness("X");

        var response = snmp.Get(WellKnownOids.SysDescr, WellKnownOids.SysObjectId, WellKnownOids.SysName, WellKnownOids.SysContact, WellKnownOids.SysLocation);

        Assert.Equal(SnmpErrorStatus.NoError, response.ErrorStatus);
        Assert.Equal(
            [
                new VarBind(WellKnownOids.SysDescr, SnmpValue.OctetString("NetControl simulated Calient photonic switch X")),
                new VarBind(WellKnownOids.SysObjectId, SnmpValue.ObjectIdentifier("0.0")),
                new VarBind(WellKnownOids.SysName, SnmpValue.OctetString("X")),
                new VarBind(WellKnownOids.SysContact, SnmpValue.OctetString("NetControl simulator")),
                new VarBind(WellKnownOids.SysLocation, SnmpValue.OctetString("X")),
            ],
            response.VarBinds.ToArray());
    }

    [Fact]
    public void Get_SysUpTime_CountsCentisecondsOfTheAgentClock()
    {
        var snmp = new SnmpHarness();
        Assert.Equal(0u, snmp.Value(WellKnownOids.SysUpTime).AsUInt32());

        snmp.Clock.Advance(TimeSpan.FromSeconds(12.345));

        var upTime = snmp.Value(WellKnownOids.SysUpTime);
        Assert.Equal(SnmpValueType.TimeTicks, upTime.Type);
        Assert.Equal(1234u, upTime.AsUInt32());
    }

    [Fact]
    public void Set_ContactAndLocationWithWriteCommunity_AreKept()
    {
        var snmp = new SnmpHarness();

        var response = snmp.Set(
            "private",
            new VarBind(WellKnownOids.SysContact, SnmpValue.OctetString("noc@example.org")),
            new VarBind(WellKnownOids.SysLocation, SnmpValue.OctetString("Geneva, rack 12")));

        Assert.Equal(SnmpErrorStatus.NoError, response.ErrorStatus);
        Assert.Equal("noc@example.org", snmp.Value(WellKnownOids.SysContact).AsString());
        Assert.Equal("Geneva, rack 12", snmp.Value(WellKnownOids.SysLocation).AsString());
    }

    [Fact]
    public void Options_ContactLocationAndObjectId_AreServed()
    {
        var snmp = new SnmpHarness(options: new SnmpAgentOptions { Contact = "ops", Location = "CERN", SysObjectId = "1.3.6.1.4.1.99999.1" });

        Assert.Equal("ops", snmp.Value(WellKnownOids.SysContact).AsString());
        Assert.Equal("CERN", snmp.Value(WellKnownOids.SysLocation).AsString());
        Assert.Equal("1.3.6.1.4.1.99999.1", snmp.Value(WellKnownOids.SysObjectId).AsOid());
    }
}
