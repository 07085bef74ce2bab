using System.Collections.Immutable;
using System.Reflection;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Tests.Codec;

/// <summary>The message records: content equality over arrays, GetBulk fields, readable text, well-known OIDs.</summary>
public sealed class SnmpMessagesTests
{
    [Fact]
    public void SnmpPdu_EqualVarBindsInDifferentArrays_AreEqual()
    {
        SnmpPdu a = SnmpPdu.Request(PduType.GetRequest, 1, [VarBind.Request(WellKnownOids.SysName)]);
        SnmpPdu b = SnmpPdu.Request(PduType.GetRequest, 1, [VarBind.Request(WellKnownOids.SysName)]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { VarBinds = [VarBind.Request(WellKnownOids.SysDescr)] });
    }

    [Fact]
    public void SnmpPdu_DefaultVarBinds_ReadAsEmpty()
    {
        var pdu = new SnmpPdu(PduType.GetRequest, 1, SnmpErrorStatus.NoError, 0, default);

        Assert.False(pdu.VarBinds.IsDefault);
        Assert.Equal(pdu, pdu with { VarBinds = [] });
        Assert.False((pdu with { VarBinds = default }).VarBinds.IsDefault);
    }

    [Fact]
    public void GetBulk_Fields_StoredAsOnTheWire()
    {
        SnmpPdu pdu = SnmpPdu.GetBulk(9, 1, 25, [VarBind.Request(WellKnownOids.IfDescr)]);

        Assert.Equal(1, pdu.NonRepeaters);
        Assert.Equal(25, pdu.MaxRepetitions);
        Assert.Equal((SnmpErrorStatus)1, pdu.ErrorStatus);
        Assert.Equal(25, pdu.ErrorIndex);
        Assert.Equal("GetBulkRequest #9 nonRepeaters=1 maxRepetitions=25 [1.3.6.1.2.1.2.2.1.2 = NULL]", pdu.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => SnmpPdu.GetBulk(9, -1, 25, []));
    }

    [Fact]
    public void SnmpPdu_ToString_ShowsErrorWhenSet()
    {
        var pdu = new SnmpPdu(PduType.Response, 3, SnmpErrorStatus.NotWritable, 1, [new VarBind("1.3.6.1.4.1.99999.1.0", SnmpValue.Integer(5))]);

        Assert.Equal("Response #3 NotWritable index=1 [1.3.6.1.4.1.99999.1.0 = INTEGER: 5]", pdu.ToString());
    }

    [Fact]
    public void SnmpV2cMessage_ToString_RedactsCommunity()
    {
        var message = new SnmpV2cMessage("s3cret", SnmpPdu.Request(PduType.GetRequest, 1, []));

        Assert.DoesNotContain("s3cret", message.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void V3Records_EqualBytesInDifferentArrays_AreEqual()
    {
        SnmpV3Message a = Message(), b = Message();

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Security = b.Security with { AuthenticationParameters = [1] } });
        Assert.NotEqual(a, b with { Pdu = b.Pdu! with { ContextEngineId = [9] } });
        Assert.NotEqual(a, b with { EncryptedPdu = [1] });
    }

    [Fact]
    public void WellKnownOids_All_ValidAndDistinct()
    {
        string[] oids = [.. typeof(WellKnownOids).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!)];

        Assert.True(oids.Length >= 28);
        Assert.All(oids, o => Assert.True(Oid.IsValid(o), o));
        Assert.Equal(oids.Length, oids.Distinct().Count());
    }

    private static SnmpV3Message Message()
    {
        ImmutableArray<byte> engine = [0x80, 0x00, 0x1F, 0x88, 0x04, 0x01];
        return SnmpV3Message.Create(
            1,
            V3Flags.Auth,
            new UsmSecurityParameters([.. engine], 1, 2, "ops", [.. new byte[12]], []),
            new ScopedPdu([.. engine], string.Empty, SnmpPdu.Request(PduType.GetRequest, 1, [VarBind.Request(WellKnownOids.SysName)])));
    }
}
