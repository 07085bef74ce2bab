using System.Net;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Tests.Codec;

/// <summary><see cref="SnmpValue"/>: factories, typed access, content equality and net-snmp-like text.</summary>
public sealed class SnmpValueTests
{
    public static TheoryData<SnmpValue, string> Texts => new()
    {
        { SnmpValue.Integer(-5), "INTEGER: -5" },
        { SnmpValue.OctetString("core-1"), "STRING: \"core-1\"" },
        { SnmpValue.OctetString("say \"hi\""), "STRING: \"say \\\"hi\\\"\"" },
        { SnmpValue.OctetString(string.Empty), "STRING: \"\"" },
        { SnmpValue.OctetString([0x00, 0x1A, 0xFF]), "Hex-STRING: 00 1A FF" },
        { SnmpValue.Null, "NULL" },
        { SnmpValue.ObjectIdentifier("1.3.6.1.4.1.8072.3.2.10"), "OID: .1.3.6.1.4.1.8072.3.2.10" },
        { SnmpValue.IpAddress(IPAddress.Parse("192.0.2.1")), "IpAddress: 192.0.2.1" },
        { SnmpValue.Counter32(294311227), "Counter32: 294311227" },
        { SnmpValue.Gauge32(10000000), "Gauge32: 10000000" },
        { SnmpValue.TimeTicks(9323), "Timeticks: (9323) 0:01:33.23" },
        { SnmpValue.TimeTicks(8_640_000 + 360_000 + 6_000 + 100 + 1), "Timeticks: (9006101) 1 day, 1:01:01.01" },
        { SnmpValue.TimeTicks(uint.MaxValue), "Timeticks: (4294967295) 497 days, 2:27:52.95" },
        { SnmpValue.Opaque([0x9F, 0x78, 0x04]), "OPAQUE: 9F 78 04" },
        { SnmpValue.Counter64(ulong.MaxValue), "Counter64: 18446744073709551615" },
        { SnmpValue.NoSuchObject, "No Such Object available on this agent at this OID" },
        { SnmpValue.NoSuchInstance, "No Such Instance currently exists at this OID" },
        { SnmpValue.EndOfMibView, "No more variables left in this MIB View (It is past the end of the MIB tree)" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void ToString_EachType_ReadsLikeNetSnmp(SnmpValue value, string expected)
    {
        Assert.Equal(expected, value.ToString());
    }

    [Fact]
    public void Equals_SameBytesInDifferentArrays_AreEqual()
    {
        byte[] bytes = [1, 2, 3];
        SnmpValue a = SnmpValue.OctetString(bytes), b = SnmpValue.OctetString(new byte[] { 1, 2, 3 });

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, SnmpValue.Opaque(bytes));
        Assert.NotEqual(a, SnmpValue.OctetString(new byte[] { 1, 2 }));
    }

    [Fact]
    public void Equals_SameNumberDifferentType_AreNotEqual()
    {
        Assert.NotEqual(SnmpValue.Counter32(5), SnmpValue.Gauge32(5));
        Assert.NotEqual(SnmpValue.Counter32(5), SnmpValue.Counter64(5));
        Assert.NotEqual(SnmpValue.Integer(0), SnmpValue.Null);
        Assert.Equal(SnmpValue.Integer(0), default);
    }

    [Fact]
    public void OctetString_CallerMutatesSource_ValueUnchanged()
    {
        byte[] bytes = [1, 2, 3];
        SnmpValue value = SnmpValue.OctetString(bytes);

        bytes[0] = 9;

        Assert.Equal(1, value.AsBytes().Span[0]);
    }

    [Fact]
    public void Accessors_MatchingType_ReturnValue()
    {
        Assert.Equal(int.MinValue, SnmpValue.Integer(int.MinValue).AsInt32());
        Assert.Equal(uint.MaxValue, SnmpValue.TimeTicks(uint.MaxValue).AsUInt32());
        Assert.Equal(7UL, SnmpValue.Gauge32(7).AsUInt64());
        Assert.Equal(ulong.MaxValue, SnmpValue.Counter64(ulong.MaxValue).AsUInt64());
        Assert.Equal("日本", SnmpValue.OctetString("日本").AsString());
        Assert.Equal("1.3.6", SnmpValue.ObjectIdentifier("1.3.6").AsOid());
        Assert.Equal(IPAddress.Parse("10.1.2.3"), SnmpValue.IpAddress(IPAddress.Parse("10.1.2.3")).AsIpAddress());
        Assert.Equal(new byte[] { 10, 1, 2, 3 }, SnmpValue.IpAddress(IPAddress.Parse("10.1.2.3")).AsBytes().ToArray());
    }

    [Fact]
    public void Accessors_WrongType_ThrowNamingActualType()
    {
        SnmpValue counter = SnmpValue.Counter32(5);

        var ex = Assert.Throws<InvalidOperationException>(() => counter.AsInt32());

        Assert.Equal("the SNMP value is Counter32, not Integer", ex.Message);
        Assert.Throws<InvalidOperationException>(() => SnmpValue.Integer(1).AsUInt32());
        Assert.Throws<InvalidOperationException>(() => SnmpValue.Integer(1).AsUInt64());
        Assert.Throws<InvalidOperationException>(() => SnmpValue.Null.AsBytes());
        Assert.Throws<InvalidOperationException>(() => SnmpValue.Opaque([]).AsString());
        Assert.Throws<InvalidOperationException>(() => SnmpValue.OctetString("1.3").AsOid());
        Assert.Contains("NoSuchInstance", Assert.Throws<InvalidOperationException>(() => SnmpValue.NoSuchInstance.AsIpAddress()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsException_OnlyForTheThreeExceptions()
    {
        Assert.True(SnmpValue.NoSuchObject.IsException);
        Assert.True(SnmpValue.NoSuchInstance.IsException);
        Assert.True(SnmpValue.EndOfMibView.IsException);
        Assert.False(SnmpValue.Null.IsException);
        Assert.False(SnmpValue.Integer(0).IsException);
    }

    [Fact]
    public void Factories_InvalidInput_ThrowArgumentException()
    {
        Assert.Throws<ArgumentException>(() => SnmpValue.ObjectIdentifier("1.3.x"));
        Assert.Throws<ArgumentException>(() => SnmpValue.IpAddress(IPAddress.IPv6Loopback));
    }
}
