using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Simulators.Optical.Snmp;

namespace NetControl.Simulators.Optical.Tests.Snmp;

public sealed class SnmpRequestHandlerTests
{
    [Fact]
    public void Handle_UnknownCommunity_IsDroppedAndCounted()
    {
        var snmp = new SnmpHarness();
        var request = SnmpPdu.Request(PduType.GetRequest, 1, [VarBind.Request(WellKnownOids.SysName)]);

        Assert.Null(snmp.Raw(SnmpCodec.Encode(new SnmpV2cMessage("guess", request))));

        Assert.Equal(1, snmp.Counters.BadCommunityNames);
        Assert.Equal(1, snmp.Counters.InPackets);
        Assert.Equal(SnmpValue.Counter32(1), snmp.Value("1.3.6.1.2.1.11.4.0"));
    }

    [Fact]
    public void Handle_ConfiguredCommunities_AreTheOnlyOnesAccepted()
    {
        var snmp = new SnmpHarness(options: new SnmpAgentOptions { ReadCommunity = "look", WriteCommunity = "touch" });
        var get = SnmpPdu.Request(PduType.GetRequest, 1, [VarBind.Request(WellKnownOids.SysName)]);

        Assert.Null(snmp.Raw(SnmpCodec.Encode(new SnmpV2cMessage("public", get))));
        Assert.Equal(SnmpErrorStatus.NoError, snmp.Send(get, "look").ErrorStatus);
        Assert.Equal(SnmpErrorStatus.NoError, snmp.Set("touch", new VarBind(WellKnownOids.SysLocation, SnmpValue.OctetString("lab"))).ErrorStatus);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x30, 0x03, 0x02, 0x01 })]
    [InlineData(new byte[] { 0x04, 0x02, 0x41, 0x42 })]
    [InlineData(new byte[] { 0x30, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00 })]
    public void Handle_MalformedDatagram_IsDroppedAndCountedAsParseError(byte[] datagram)
    {
        var snmp = new SnmpHarness();

        Assert.Null(snmp.Raw(datagram));

        Assert.Equal(1, snmp.Counters.AsnParseErrors);
        Assert.Equal(SnmpValue.Counter32(1), snmp.Value("1.3.6.1.2.1.11.6.0"));
    }

    [Fact]
    public void Handle_SnmpV1Message_IsDroppedAsBadVersion()
    {
        var snmp = new SnmpHarness();
        byte[] v2c = SnmpCodec.Encode(new SnmpV2cMessage("public", SnmpPdu.Request(PduType.GetRequest, 1, [VarBind.Request(WellKnownOids.SysName)])));
        v2c[4] = 0; // the version INTEGER's content: 1 (v2c) becomes 0 (v1)

        Assert.Null(snmp.Raw(v2c));

        Assert.Equal(1, snmp.Counters.BadVersions);
        Assert.Equal(0, snmp.Counters.AsnParseErrors);
    }

    [Fact]
    public void Handle_TrapSentToTheAgent_IsDroppedWithoutHandler()
    {
        var snmp = new SnmpHarness();
        var trap = SnmpPdu.Request(PduType.SnmpV2Trap, 9, [new VarBind(WellKnownOids.SysUpTime, SnmpValue.TimeTicks(1))]);

        Assert.Null(snmp.Raw(SnmpCodec.Encode(new SnmpV2cMessage("public", trap))));

        Assert.Equal(1, snmp.Counters.UnknownPduHandlers);
    }

    [Fact]
    public void Handle_ResponsePdu_IsReportedAsAnInformAcknowledgment()
    {
        var snmp = new SnmpHarness();
        var acknowledged = new List<int>();
        snmp.Handler.ResponseReceived = acknowledged.Add;

        Assert.Null(snmp.Raw(SnmpCodec.Encode(new SnmpV2cMessage("public", new SnmpPdu(PduType.Response, 4242, SnmpErrorStatus.NoError, 0, [])))));

        Assert.Equal([4242], acknowledged);
    }
}
