using System.Net;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Tests.Codec;

/// <summary>Datagrams captured from net-snmp 5.9.3 tools and snmpd (Golden/*.hex): decode, check, encode to the same bytes.</summary>
public sealed class SnmpCodecGoldenTests
{
    private const string EngineId = "80001F88046E6574636F6E74726F6C"; // snmpd "engineID netcontrol"

    public static TheoryData<string> V2cPackets => [.. GoldenPackets.V2c.Select(p => p.Name)];

    public static TheoryData<string> V3Packets => [.. GoldenPackets.V3.Select(p => p.Name)];

    [Fact]
    public void GoldenPackets_Loaded_CoverEveryCapture()
    {
        Assert.Equal(17, GoldenPackets.V2c.Count());
        Assert.Equal(21, GoldenPackets.V3.Count());
    }

    [Theory]
    [MemberData(nameof(V2cPackets))]
    public void DecodeV2c_NetSnmpPacket_EncodesToSameBytes(string name)
    {
        byte[] datagram = GoldenPackets.Bytes(name);

        SnmpV2cMessage message = SnmpCodec.DecodeV2c(datagram);

        Assert.Equal(SnmpVersion.V2c, SnmpCodec.PeekVersion(datagram));
        Assert.Equal(Convert.ToHexString(datagram), Convert.ToHexString(SnmpCodec.Encode(message)));
    }

    [Theory]
    [MemberData(nameof(V3Packets))]
    public void DecodeV3_NetSnmpPacket_EncodesToSameBytes(string name)
    {
        byte[] datagram = GoldenPackets.Bytes(name);

        SnmpV3Message message = SnmpCodec.DecodeV3(datagram, out int authParamsOffset);

        Assert.Equal(SnmpVersion.V3, SnmpCodec.PeekVersion(datagram));
        Assert.Equal(Convert.ToHexString(datagram), Convert.ToHexString(SnmpCodec.EncodeV3Plain(message)));
        Assert.Equal(
            Convert.ToHexString(message.Security.AuthenticationParameters.AsSpan()),
            Convert.ToHexString(datagram.AsSpan(authParamsOffset, message.Security.AuthenticationParameters.Length)));
    }

    [Fact]
    public void DecodeV2c_GetRequest_HasNullVarBinds()
    {
        SnmpV2cMessage message = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-get.request"));

        Assert.Equal("public", message.Community);
        Assert.Equal(PduType.GetRequest, message.Pdu.Type);
        Assert.Equal([WellKnownOids.SysDescr, WellKnownOids.SysUpTime, WellKnownOids.SysObjectId], message.Pdu.VarBinds.Select(v => v.Oid));
        Assert.All(message.Pdu.VarBinds, v => Assert.Equal(SnmpValue.Null, v.Value));
    }

    [Fact]
    public void DecodeV2c_GetResponse_HasStringTimeTicksAndOid()
    {
        SnmpV2cMessage request = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-get.request"));
        SnmpV2cMessage response = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-get.response"));

        Assert.Equal(PduType.Response, response.Pdu.Type);
        Assert.Equal(request.Pdu.RequestId, response.Pdu.RequestId);
        Assert.Equal(SnmpErrorStatus.NoError, response.Pdu.ErrorStatus);
        Assert.StartsWith("Linux vm ", response.Pdu.VarBinds[0].Value.AsString(), StringComparison.Ordinal);
        Assert.Equal(SnmpValueType.TimeTicks, response.Pdu.VarBinds[1].Value.Type);
        Assert.Equal("1.3.6.1.4.1.8072.3.2.10", response.Pdu.VarBinds[2].Value.AsOid());
        Assert.Equal("OID: .1.3.6.1.4.1.8072.3.2.10", response.Pdu.VarBinds[2].Value.ToString());
    }

    [Fact]
    public void DecodeV2c_GetNextResponse_HasCounter64AndInteger()
    {
        SnmpPdu pdu = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-getnext.response")).Pdu;

        Assert.Equal(WellKnownOids.IfDescr + ".1", pdu.VarBinds[0].Oid);
        Assert.Equal("lo", pdu.VarBinds[0].Value.AsString());
        Assert.Equal(WellKnownOids.IfHCInOctets + ".1", pdu.VarBinds[1].Oid);
        Assert.Equal(SnmpValueType.Counter64, pdu.VarBinds[1].Value.Type);
        Assert.Equal(WellKnownOids.IfOperStatus + ".1", pdu.VarBinds[2].Oid);
        Assert.Equal(1, pdu.VarBinds[2].Value.AsInt32());
    }

    [Fact]
    public void DecodeV2c_GetBulkRequest_HasNonRepeatersAndMaxRepetitions()
    {
        SnmpPdu pdu = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-getbulk.request")).Pdu;

        Assert.Equal(PduType.GetBulkRequest, pdu.Type);
        Assert.Equal(1, pdu.NonRepeaters);
        Assert.Equal(3, pdu.MaxRepetitions);
        Assert.Equal(SnmpPdu.GetBulk(pdu.RequestId, 1, 3, pdu.VarBinds), pdu);
    }

    [Fact]
    public void DecodeV2c_GetBulkResponse_HasGaugeAndCounterRepetitions()
    {
        SnmpPdu pdu = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-getbulk.response")).Pdu;

        Assert.Equal(7, pdu.VarBinds.Length);
        Assert.Equal(WellKnownOids.SysUpTime, pdu.VarBinds[0].Oid);
        Assert.Equal(10_000_000u, pdu.VarBinds[1].Value.AsUInt32());
        Assert.Equal(SnmpValueType.Gauge32, pdu.VarBinds[1].Value.Type);
        Assert.Equal(SnmpValueType.Counter32, pdu.VarBinds[2].Value.Type);
    }

    [Fact]
    public void DecodeV2c_ExceptionsResponse_HasNoSuchObjectAndNoSuchInstance()
    {
        SnmpPdu pdu = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-get-exceptions.response")).Pdu;

        Assert.Equal([SnmpValue.NoSuchObject, SnmpValue.NoSuchInstance], pdu.VarBinds.Take(2).Select(v => v.Value));
        Assert.Equal("vm", pdu.VarBinds[2].Value.AsString());
    }

    [Fact]
    public void DecodeV2c_GetNextPastEnd_HasEndOfMibView()
    {
        SnmpPdu pdu = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-getnext-end.response")).Pdu;

        Assert.True(pdu.VarBinds.Single().Value.IsException);
        Assert.Equal(SnmpValue.EndOfMibView, pdu.VarBinds.Single().Value);
    }

    [Fact]
    public void DecodeV2c_SetRequest_HasStrings()
    {
        SnmpV2cMessage message = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-set.request"));

        Assert.Equal("private", message.Community);
        Assert.Equal(PduType.SetRequest, message.Pdu.Type);
        Assert.Equal(new VarBind(WellKnownOids.SysContact, SnmpValue.OctetString("ops@example.net")), message.Pdu.VarBinds[0]);
        Assert.Equal(new VarBind(WellKnownOids.SysLocation, SnmpValue.OctetString("lab rack 7")), message.Pdu.VarBinds[1]);
    }

    [Fact]
    public void DecodeV2c_SetRequestOfEveryType_HasEachValue()
    {
        SnmpPdu pdu = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-set-types.request")).Pdu;

        SnmpValue[] expected =
        [
            SnmpValue.Integer(int.MinValue),
            SnmpValue.Gauge32(uint.MaxValue),
            SnmpValue.TimeTicks(123456),
            SnmpValue.IpAddress(IPAddress.Parse("192.0.2.1")),
            SnmpValue.ObjectIdentifier("1.3.6.1.4.1.8072.3.2.10"),
            SnmpValue.OctetString([0x00, 0xFF, 0x80, 0x7F]),
            SnmpValue.OctetString(string.Empty),
            SnmpValue.Integer(0),
            SnmpValue.Opaque(Convert.FromHexString("9F7B0900FFFFFFFFFFFFFFFF")), // net-snmp opaque UInt64 (tag 9F 7B)
            SnmpValue.Integer(int.MaxValue),
        ];
        Assert.Equal(expected, pdu.VarBinds.Select(v => v.Value));
        Assert.Equal("1.3.6.1.4.1.99999.4294967295.0", pdu.VarBinds[^1].Oid);
    }

    [Fact]
    public void DecodeV2c_SetResponseNotWritable_HasErrorStatusAndIndex()
    {
        SnmpPdu pdu = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-set-types.response")).Pdu;

        Assert.Equal(SnmpErrorStatus.NotWritable, pdu.ErrorStatus);
        Assert.Equal(1, pdu.ErrorIndex);
    }

    [Fact]
    public void DecodeV2c_Trap_StartsWithSysUpTimeAndTrapOid()
    {
        SnmpPdu pdu = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-trap.request")).Pdu;

        Assert.Equal(PduType.SnmpV2Trap, pdu.Type);
        Assert.Equal(new VarBind(WellKnownOids.SysUpTime, SnmpValue.TimeTicks(123456)), pdu.VarBinds[0]);
        Assert.Equal(new VarBind(WellKnownOids.SnmpTrapOid, SnmpValue.ObjectIdentifier(WellKnownOids.LinkDown)), pdu.VarBinds[1]);
        Assert.Equal(new VarBind(WellKnownOids.IfOperStatus + ".3", SnmpValue.Integer(2)), pdu.VarBinds[4]);
        Assert.Equal("ge-0/0/3", pdu.VarBinds[5].Value.AsString());
    }

    [Fact]
    public void DecodeV2c_InformAndItsResponse_ShareRequestIdAndVarBinds()
    {
        SnmpPdu inform = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-inform.request")).Pdu;
        SnmpPdu response = SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v2c-inform.response")).Pdu;

        Assert.Equal(PduType.InformRequest, inform.Type);
        Assert.Equal(SnmpValue.ObjectIdentifier(WellKnownOids.LinkUp), inform.VarBinds[1].Value);
        Assert.Equal(inform with { Type = PduType.Response }, response);
    }

    [Fact]
    public void DecodeV3_Discovery_HasEmptySecurityAndReportableFlag()
    {
        SnmpV3Message message = SnmpCodec.DecodeV3(GoldenPackets.Bytes("v3-noauth.discovery"), out _);

        Assert.Equal(V3Flags.Reportable, message.Flags);
        Assert.Equal(SnmpV3Message.UdpMaxSize, message.MaxSize);
        Assert.Equal(UsmSecurityParameters.Discovery, message.Security);
        Assert.NotNull(message.Pdu);
        Assert.Empty(message.Pdu.ContextEngineId);
        Assert.Equal(PduType.GetRequest, message.Pdu.Pdu.Type);
        Assert.Empty(message.Pdu.Pdu.VarBinds);
    }

    [Fact]
    public void DecodeV3_DiscoveryReport_CarriesEngineAndUnknownEngineIds()
    {
        SnmpV3Message discovery = SnmpCodec.DecodeV3(GoldenPackets.Bytes("v3-noauth.discovery"), out _);
        SnmpV3Message report = SnmpCodec.DecodeV3(GoldenPackets.Bytes("v3-noauth.report"), out _);

        Assert.Equal(discovery.MessageId, report.MessageId);
        Assert.Equal(EngineId, Convert.ToHexString(report.Security.EngineId.AsSpan()));
        Assert.Equal(1, report.Security.EngineBoots);
        Assert.NotNull(report.Pdu);
        Assert.Equal(PduType.Report, report.Pdu.Pdu.Type);
        Assert.Equal(WellKnownOids.UsmStatsUnknownEngineIds, report.Pdu.Pdu.VarBinds.Single().Oid);
        Assert.Equal(SnmpValueType.Counter32, report.Pdu.Pdu.VarBinds.Single().Value.Type);
    }

    [Fact]
    public void DecodeV3_NoAuthRequest_NamesUserAndContextEngine()
    {
        SnmpV3Message message = SnmpCodec.DecodeV3(GoldenPackets.Bytes("v3-noauth.request"), out _);

        Assert.Equal(V3Flags.Reportable, message.Flags);
        Assert.Equal("noauthuser", message.Security.UserName);
        Assert.NotNull(message.Pdu);
        Assert.Equal(EngineId, Convert.ToHexString(message.Pdu.ContextEngineId.AsSpan()));
        Assert.Equal(string.Empty, message.Pdu.ContextName);
        Assert.Equal(WellKnownOids.SysName, message.Pdu.Pdu.VarBinds.Single().Oid);
    }

    [Fact]
    public void DecodeV3_UnknownUserReport_CarriesUsmStatsUnknownUserNames()
    {
        SnmpV3Message report = SnmpCodec.DecodeV3(GoldenPackets.Bytes("v3-wronguser.report-unknown-user"), out _);

        Assert.Equal(WellKnownOids.UsmStatsUnknownUserNames, report.Pdu!.Pdu.VarBinds.Single().Oid);
    }

    [Theory]
    [InlineData("v3-sha.request", 12)]
    [InlineData("v3-sha256.request", 24)]
    [InlineData("v3-aes.request", 12)]
    public void DecodeV3_AuthenticatedRequest_HasDigestAtOffset(string name, int macLength)
    {
        byte[] datagram = GoldenPackets.Bytes(name);

        SnmpV3Message message = SnmpCodec.DecodeV3(datagram, out int offset);

        Assert.True(message.Flags.HasFlag(V3Flags.Auth));
        Assert.Equal(macLength, message.Security.AuthenticationParameters.Length);
        Assert.Equal(0x04, datagram[offset - 2]);
        Assert.Equal(macLength, datagram[offset - 1]);
    }

    [Fact]
    public void DecodeV3_AesRequest_KeepsEncryptedPdu()
    {
        SnmpV3Message message = SnmpCodec.DecodeV3(GoldenPackets.Bytes("v3-aes.request"), out _);

        Assert.Equal(V3Flags.Auth | V3Flags.Priv | V3Flags.Reportable, message.Flags);
        Assert.Null(message.Pdu);
        Assert.Equal(0x41, message.EncryptedPdu.Length);
        Assert.Equal(8, message.Security.PrivacyParameters.Length);
    }
}
