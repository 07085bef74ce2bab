using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Simulators.Optical.Snmp;
using NetControl.Simulators.Optical.Snmp.Mib;

namespace NetControl.Simulators.Optical.Tests.Snmp;

public sealed class PduProcessorTests
{
    [Fact]
    public void Get_NameUnderAnObjectWithoutInstance_IsNoSuchInstance()
    {
        var snmp = new SnmpHarness();

        var response = snmp.Get("1.3.6.1.2.1.1.5", "1.3.6.1.2.1.1.5.0.1", $"{WellKnownOids.IfDescr}.99");

        Assert.Equal(SnmpErrorStatus.NoError, response.ErrorStatus);
        Assert.All(response.VarBinds, v => Assert.Equal(SnmpValue.NoSuchInstance, v.Value));
    }

    [Fact]
    public void Get_NameUnderNoObject_IsNoSuchObject()
    {
        var snmp = new SnmpHarness();

        var response = snmp.Get("1.3.6.1.2.1.1.9.1.2.1", "1.3.6.1.2.1.1", "1.3.6.1.4.1.9.9.91.1.1.1.1.4.1");

        Assert.All(response.VarBinds, v => Assert.Equal(SnmpValue.NoSuchObject, v.Value));
        Assert.Equal(["1.3.6.1.2.1.1.9.1.2.1", "1.3.6.1.2.1.1", "1.3.6.1.4.1.9.9.91.1.1.1.1.4.1"], response.VarBinds.Select(v => v.Oid));
    }

    [Fact]
    public void GetNext_FromAGroupOrAnInstance_ReturnsTheNextInstanceInOidOrder()
    {
        var snmp = new SnmpHarness("A");

        var response = snmp.GetNext("1.3.6.1.2.1.1", WellKnownOids.SysLocation, "1.3.6.1.2.1.2.2.1.1", "1.3.6.1.2.1.2.2.1.1.8", "0.0");

        Assert.Equal(
            [WellKnownOids.SysDescr, "1.3.6.1.2.1.2.1.0", "1.3.6.1.2.1.2.2.1.1.1", "1.3.6.1.2.1.2.2.1.2.1", WellKnownOids.SysDescr],
            response.VarBinds.Select(v => v.Oid));
        Assert.Equal(SnmpValue.Integer(1), response.VarBinds[2].Value);
    }

    [Fact]
    public void GetNext_WalkingTheWholeMib_VisitsEveryInstanceOnceInIncreasingOrderThenEndOfMibView()
    {
        var snmp = new SnmpHarness("X");
        var seen = new List<string>();
        string oid = "0.0";
        while (true)
        {
            var varBind = Assert.Single(snmp.GetNext(oid).VarBinds);
            if (varBind.Value.Type == SnmpValueType.EndOfMibView)
            {
                Assert.Equal(oid, varBind.Oid);
                break;
            }

            Assert.True(Oid.Compare(varBind.Oid, oid) > 0, $"{varBind.Oid} after {oid}");
            seen.Add(varBind.Oid);
            oid = varBind.Oid;
        }

        Assert.Equal(snmp.Mib.Instances.Select(i => i.Oid), seen);
        Assert.Contains(WellKnownOids.SysName, seen);
        Assert.Contains($"{WellKnownOids.EntPhySensorValue}.{snmp.SensorIndexOf("1.1a.4")}", seen);
        Assert.Contains($"{WellKnownOids.EntAliasMappingIdentifier}.8.0", seen);
    }

    [Fact]
    public void GetBulk_NonRepeatersThenRowsOfRepeaters()
    {
        var snmp = new SnmpHarness("A");

        var response = snmp.GetBulk(1, 3, "1.3.6.1.2.1.1.3", WellKnownOids.IfDescr, WellKnownOids.IfOperStatus);

        Assert.Equal(SnmpErrorStatus.NoError, response.ErrorStatus);
        Assert.Equal(
            [
                WellKnownOids.SysUpTime,
                $"{WellKnownOids.IfDescr}.1", $"{WellKnownOids.IfOperStatus}.1",
                $"{WellKnownOids.IfDescr}.2", $"{WellKnownOids.IfOperStatus}.2",
                $"{WellKnownOids.IfDescr}.3", $"{WellKnownOids.IfOperStatus}.3",
            ],
            response.VarBinds.Select(v => v.Oid));
    }

    [Fact]
    public void GetBulk_PastTheEnd_RepeatsEndOfMibViewAndStopsWhenEveryRepeaterHasEnded()
    {
        var snmp = new SnmpHarness("A");
        string last = snmp.Mib.Instances[^1].Oid;
        string secondLast = snmp.Mib.Instances[^2].Oid;

        var response = snmp.GetBulk(0, 10, secondLast, last);

        Assert.Equal(
            [
                new VarBind(last, snmp.Mib.Instances[^1].Read(snmp.Context.ReadContext())),
                new VarBind(last, SnmpValue.EndOfMibView),
                new VarBind(last, SnmpValue.EndOfMibView),
                new VarBind(last, SnmpValue.EndOfMibView),
            ],
            response.VarBinds.ToArray());
    }

    [Fact]
    public void GetBulk_NonRepeatersOnly_AndZeroRepetitions()
    {
        var snmp = new SnmpHarness();

        Assert.Equal([WellKnownOids.SysDescr], snmp.GetBulk(5, 10, "1.3.6.1.2.1.1").VarBinds.Select(v => v.Oid));
        Assert.Equal([WellKnownOids.SysDescr], snmp.GetBulk(1, 0, "1.3.6.1.2.1.1", "1.3.6.1.2.1.2").VarBinds.Select(v => v.Oid));
    }

    [Fact]
    public void GetBulk_TooManyRepetitions_IsCutToWhatFitsTheMessageSize()
    {
        var snmp = new SnmpHarness("A");
        var request = SnmpPdu.GetBulk(77, 0, 10_000, [VarBind.Request("0.0")]);

        byte[] reply = snmp.Raw(SnmpCodec.Encode(new SnmpV2cMessage("public", request)))!;

        Assert.InRange(reply.Length, snmp.Options.MaxMessageSize - 64, snmp.Options.MaxMessageSize);
        var pdu = SnmpCodec.DecodeV2c(reply).Pdu;
        Assert.Equal(SnmpErrorStatus.NoError, pdu.ErrorStatus);
        Assert.Equal(snmp.Mib.Instances.Take(pdu.VarBinds.Length).Select(i => i.Oid), pdu.VarBinds.Select(v => v.Oid));
    }

    [Fact]
    public void Get_ResponseLargerThanTheMessageSize_IsTooBigWithoutVarBinds()
    {
        var snmp = new SnmpHarness();

        var response = snmp.Get([.. Enumerable.Repeat(WellKnownOids.SysDescr, 60)]);

        Assert.Equal(SnmpErrorStatus.TooBig, response.ErrorStatus);
        Assert.Equal(0, response.ErrorIndex);
        Assert.Empty(response.VarBinds);
    }

    [Fact]
    public void Set_WithReadCommunity_IsNoAccessAndCounted()
    {
        var snmp = new SnmpHarness();
        var varBind = new VarBind(WellKnownOids.SysContact, SnmpValue.OctetString("x"));

        var response = snmp.Set("public", varBind);

        Assert.Equal((SnmpErrorStatus.NoAccess, 1), (response.ErrorStatus, response.ErrorIndex));
        Assert.Equal([varBind], response.VarBinds.ToArray());
        Assert.Equal(1, snmp.Counters.BadCommunityUses);
        Assert.Equal("NetControl simulator", snmp.Value(WellKnownOids.SysContact).AsString());
    }

    [Theory]
    [InlineData("1.3.6.1.2.1.2.2.1.7.1", SnmpErrorStatus.NotWritable)]
    [InlineData(WellKnownOids.SysDescr, SnmpErrorStatus.NotWritable)]
    [InlineData(WellKnownOids.SysName, SnmpErrorStatus.NotWritable)]
    [InlineData("1.3.6.1.4.1.1.1.0", SnmpErrorStatus.NotWritable)]
    [InlineData("1.3.6.1.2.1.1.4.1", SnmpErrorStatus.NoCreation)]
    public void Set_AnythingButContactAndLocation_IsRefused(string oid, SnmpErrorStatus expected)
    {
        var snmp = new SnmpHarness();

        var response = snmp.Set("private", new VarBind(oid, SnmpValue.Integer(2)));

        Assert.Equal((expected, 1), (response.ErrorStatus, response.ErrorIndex));
    }

    [Fact]
    public void Set_WrongTypeOrLength_IsRefusedWithItsError()
    {
        var snmp = new SnmpHarness();

        Assert.Equal(SnmpErrorStatus.WrongType, snmp.Set("private", new VarBind(WellKnownOids.SysContact, SnmpValue.Integer(1))).ErrorStatus);
        Assert.Equal(SnmpErrorStatus.WrongLength, snmp.Set("private", new VarBind(WellKnownOids.SysContact, SnmpValue.OctetString(new string('x', 256)))).ErrorStatus);
        Assert.Equal(SnmpErrorStatus.WrongValue, snmp.Set("private", new VarBind(WellKnownOids.SysContact, SnmpValue.OctetString([0x00, 0x01]))).ErrorStatus);
    }

    [Fact]
    public void Set_OneBadVarBind_AppliesNone()
    {
        var snmp = new SnmpHarness();

        var response = snmp.Set(
            "private",
            new VarBind(WellKnownOids.SysContact, SnmpValue.OctetString("changed")),
            new VarBind(WellKnownOids.IfAdminStatus + ".1", SnmpValue.Integer(2)));

        Assert.Equal((SnmpErrorStatus.NotWritable, 2), (response.ErrorStatus, response.ErrorIndex));
        Assert.Equal("NetControl simulator", snmp.Value(WellKnownOids.SysContact).AsString());
    }

    [Fact]
    public void Respond_EvenTooBigDoesNotFit_IsDropped()
    {
        var snmp = new SnmpHarness();
        var processor = new PduProcessor(snmp.Mib, snmp.Context);

        var response = processor.Respond(SnmpPdu.Request(PduType.GetRequest, 1, [VarBind.Request(WellKnownOids.SysName)]), mayWrite: false, fits: _ => false);

        Assert.Null(response);
    }
}
