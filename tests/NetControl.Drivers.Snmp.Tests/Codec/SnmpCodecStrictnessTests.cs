using System.Collections.Immutable;
using System.Formats.Asn1;
using NetControl.Drivers.Snmp.Codec;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Tests.Codec;

/// <summary>What the decoder accepts and rejects (RFC 3417 section 8 and the limits), and where its errors point.</summary>
public sealed class SnmpCodecStrictnessTests
{
    [Fact]
    public void DecodeV2c_NonMinimalLengths_AcceptedAsRfc3417Permits()
    {
        byte[] minimal = GoldenPackets.Bytes("v2c-get.request");
        Assert.Equal(0x45, minimal[1]);
        byte[] longForm = [0x30, 0x82, 0x00, 0x45, .. minimal[2..]];

        SnmpV2cMessage message = SnmpCodec.DecodeV2c(longForm);

        Assert.Equal(SnmpCodec.DecodeV2c(minimal), message);
        Assert.Equal(minimal, SnmpCodec.Encode(message));
    }

    [Fact]
    public void DecodeV2c_IndefiniteLength_Rejected()
    {
        byte[] minimal = GoldenPackets.Bytes("v2c-get.request");
        byte[] indefinite = [0x30, 0x80, .. minimal[2..], 0x00, 0x00];

        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV2c(indefinite));

        Assert.Contains("indefinite", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, ex.Offset);
    }

    [Fact]
    public void DecodeV2c_ConstructedCommunity_Rejected()
    {
        byte[] datagram = Message(w =>
        {
            w.WriteInteger(1);
            w.WriteEncodedValue([0x24, 0x08, 0x04, 0x02, (byte)'p', (byte)'u', 0x04, 0x02, (byte)'b', (byte)'l']);
            WriteGet(w);
        });

        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV2c(datagram));

        Assert.Equal("community: expected OCTET STRING, found constructed OCTET STRING at byte 5", ex.Message);
        Assert.Equal(5, ex.Offset);
    }

    [Fact]
    public void DecodeV2c_TrailingBytes_RejectedAtTheirOffset()
    {
        byte[] datagram = [.. GoldenPackets.Bytes("v2c-get.request"), 0x00];

        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV2c(datagram));

        Assert.Equal(datagram.Length - 1, ex.Offset);
    }

    [Fact]
    public void DecodeV2c_WrongTag_NamesFieldAndOffset()
    {
        byte[] datagram = GoldenPackets.Bytes("v2c-get.request");
        datagram[5] = 0x02; // community OCTET STRING -> INTEGER

        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV2c(datagram));

        Assert.Equal("community: expected OCTET STRING, found INTEGER at byte 5", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SnmpCodec.MaxDatagramSize + 1)]
    public void DecodeV2c_DatagramSizeOutOfBounds_Rejected(int size)
    {
        Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV2c(new byte[size]));
        Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV3(new byte[size], out _));
        Assert.Throws<SnmpDecodeException>(() => SnmpCodec.PeekVersion(new byte[size]));
    }

    [Fact]
    public void PeekVersion_SnmpV1_RejectedByName()
    {
        byte[] datagram = Message(w =>
        {
            w.WriteInteger(0);
            w.WriteOctetString("public"u8);
            WriteGet(w);
        });

        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpCodec.PeekVersion(datagram));

        Assert.Contains("SNMPv1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeV2c_V3Datagram_Rejected()
    {
        Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV2c(GoldenPackets.Bytes("v3-sha.request")));
        Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV3(GoldenPackets.Bytes("v2c-get.request"), out _));
    }

    [Fact]
    public void DecodeV2c_V1TrapPdu_Rejected()
    {
        byte[] datagram = Message(w =>
        {
            w.WriteInteger(1);
            w.WriteOctetString("public"u8);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
            {
                w.WriteObjectIdentifier("1.3.6.1.4.1.8072");
            }
        });

        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV2c(datagram));

        Assert.Contains("Trap-PDU", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4005C000020100", "IpAddress of 5 bytes")]
    [InlineData("4101FF", "negative")]
    [InlineData("41050100000000", "over 4294967295")]
    [InlineData("4609010000000000000000", "[APPLICATION 6] is negative or over")]
    [InlineData("460A01000000000000000000", "[APPLICATION 6] of 10 bytes")]
    [InlineData("02020005", "")]
    [InlineData("020500FFFFFFFF", "does not fit Integer32")]
    [InlineData("050100", "NULL with content")]
    [InlineData("800100", "NULL with content")]
    [InlineData("4500", "[APPLICATION 5] is not an SNMPv2 value type")]
    [InlineData("A000", "[0] (constructed)")]
    [InlineData("0600", "empty OBJECT IDENTIFIER")]
    [InlineData("06022B81", "ends inside a sub-identifier")]
    [InlineData("06032B8001", "leading 0x80")]
    [InlineData("06062B9080808000", "over 4294967295")]
    public void DecodeV2c_MalformedValue_Rejected(string valueHex, string reason)
    {
        byte[] datagram = Message(w =>
        {
            w.WriteInteger(1);
            w.WriteOctetString("public"u8);
            WriteGet(w, Convert.FromHexString(valueHex));
        });

        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV2c(datagram));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Offset);
    }

    [Theory]
    [InlineData("060100", "0.0")]
    [InlineData("0602FF7F", "2.16303")]
    [InlineData("06022A03", "1.2.3")]
    [InlineData("06058FFFFFFF7F", "2.4294967215")]
    public void DecodeV2c_OidEdge_Decoded(string valueHex, string oid)
    {
        byte[] datagram = Message(w =>
        {
            w.WriteInteger(1);
            w.WriteOctetString("public"u8);
            WriteGet(w, Convert.FromHexString(valueHex));
        });

        SnmpV2cMessage message = SnmpCodec.DecodeV2c(datagram);

        Assert.Equal(oid, message.Pdu.VarBinds[0].Value.AsOid());
        Assert.Equal(datagram, SnmpCodec.Encode(message));
    }

    [Fact]
    public void DecodeV2c_OidOf128Arcs_Accepted()
    {
        string oid = "1.3" + string.Concat(Enumerable.Repeat(".4294967295", 126));
        var message = new SnmpV2cMessage("public", SnmpPdu.Request(PduType.GetRequest, 1, [VarBind.Request(oid)]));

        Assert.Equal(oid, SnmpCodec.DecodeV2c(SnmpCodec.Encode(message)).Pdu.VarBinds[0].Oid);
    }

    [Fact]
    public void DecodeV2c_OidOf129Arcs_Rejected()
    {
        byte[] content = [0x2B, .. Enumerable.Repeat((byte)0x01, 127)];
        byte[] datagram = Message(w =>
        {
            w.WriteInteger(1);
            w.WriteOctetString("public"u8);
            WriteGet(w, [0x06, 0x81, (byte)content.Length, .. content]);
        });

        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV2c(datagram));

        Assert.Contains("more than 128 arcs", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 19, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(0, 0, -1)]
    [InlineData(5, -1, 10)]
    [InlineData(5, 0, -1)]
    public void DecodeV2c_ErrorFieldsOutOfRange_Rejected(int pduType, int status, int index)
    {
        byte[] datagram = Message(w =>
        {
            w.WriteInteger(1);
            w.WriteOctetString("public"u8);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, pduType, isConstructed: true)))
            {
                w.WriteInteger(7);
                w.WriteInteger(status);
                w.WriteInteger(index);
                using (w.PushSequence())
                {
                }
            }
        });

        Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV2c(datagram));
    }

    [Fact]
    public void ReadPdu_MoreThanMaxVarBinds_Rejected()
    {
        // 10,001 varbinds cannot fit a datagram; ReadPdu on a caller's reader has no datagram limit
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 2, isConstructed: true)))
        {
            writer.WriteInteger(1);
            writer.WriteInteger(0);
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                for (int i = 0; i <= SnmpCodec.MaxVarBinds; i++)
                {
                    using (writer.PushSequence())
                    {
                        writer.WriteObjectIdentifier("1.3");
                        writer.WriteNull();
                    }
                }
            }
        }

        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpCodec.ReadPdu(new AsnReader(writer.Encode(), AsnEncodingRules.BER)));

        Assert.Contains("more than 10000 varbinds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_MoreThanMaxVarBinds_Throws()
    {
        ImmutableArray<VarBind> varBinds = [.. Enumerable.Repeat(VarBind.Request("1.3"), SnmpCodec.MaxVarBinds + 1)];

        Assert.Throws<ArgumentException>(() => SnmpCodec.Encode(new SnmpV2cMessage("public", SnmpPdu.Request(PduType.GetRequest, 1, varBinds))));
    }

    [Fact]
    public void Encode_OverDatagramLimit_Throws()
    {
        SnmpValue big = SnmpValue.OctetString(new byte[40_000]);
        var pdu = new SnmpPdu(PduType.Response, 1, SnmpErrorStatus.NoError, 0, [new VarBind("1.3.6", big), new VarBind("1.3.7", big)]);

        var ex = Assert.Throws<ArgumentException>(() => SnmpCodec.Encode(new SnmpV2cMessage("public", pdu)));

        Assert.Contains("65507", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.3.6.1.2.1.1.5.0x")]
    [InlineData("3.1")]
    [InlineData("1")]
    public void Encode_InvalidOid_ThrowsArgumentException(string oid)
    {
        var message = new SnmpV2cMessage("public", SnmpPdu.Request(PduType.GetRequest, 1, [VarBind.Request(oid)]));

        Assert.Throws<ArgumentException>(() => SnmpCodec.Encode(message));
    }

    [Fact]
    public void Encode_NonLatin1Community_ThrowsArgumentException()
    {
        var message = new SnmpV2cMessage("日本", SnmpPdu.Request(PduType.GetRequest, 1, []));

        Assert.Throws<ArgumentException>(() => SnmpCodec.Encode(message));
    }

    [Fact]
    public void Encode_Latin1Community_RoundTripsEveryByte()
    {
        string community = new([.. Enumerable.Range(0, 256).Select(i => (char)i)]);
        var message = new SnmpV2cMessage(community, SnmpPdu.Request(PduType.GetRequest, 1, []));

        Assert.Equal(community, SnmpCodec.DecodeV2c(SnmpCodec.Encode(message)).Community);
    }

    [Theory]
    [InlineData(3, 1, 65507, new byte[] { 0x02 }, 3, "privacy without authentication")]
    [InlineData(3, 1, 65507, new byte[] { 0x04, 0x00 }, 3, "msgFlags: 2 bytes")]
    [InlineData(3, 1, 483, new byte[] { 0x04 }, 3, "msgMaxSize")]
    [InlineData(3, -1, 65507, new byte[] { 0x04 }, 3, "msgID")]
    [InlineData(3, 1, 65507, new byte[] { 0x04 }, 2, "not USM")]
    [InlineData(2, 1, 65507, new byte[] { 0x04 }, 3, "not SNMPv3")]
    public void DecodeV3_BadHeader_Rejected(int version, int messageId, int maxSize, byte[] flags, int model, string reason)
    {
        byte[] datagram = V3(version, messageId, maxSize, flags, model, Usm(w => w.WriteOctetString("ops"u8)));

        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV3(datagram, out _));

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeV3_UserNameNotUtf8_Rejected()
    {
        byte[] datagram = V3(3, 1, 65507, [0x04], 3, Usm(w => w.WriteOctetString([0xC3, 0x28])));

        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV3(datagram, out _));

        Assert.Contains("msgUserName: not UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeV3_UserNameOver32Bytes_Rejected()
    {
        byte[] datagram = V3(3, 1, 65507, [0x04], 3, Usm(w => w.WriteOctetString(new byte[33])));

        Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV3(datagram, out _));
    }

    [Fact]
    public void DecodeV3_SecurityParametersWithTrailingBytes_Rejected()
    {
        byte[] security = [.. Usm(w => w.WriteOctetString("ops"u8)), 0x05, 0x00];
        byte[] datagram = V3(3, 1, 65507, [0x04], 3, security);

        var ex = Assert.Throws<SnmpDecodeException>(() => SnmpCodec.DecodeV3(datagram, out _));

        Assert.StartsWith("msgSecurityParameters:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeV3Plain_PrivWithoutEncryptedPdu_Throws()
    {
        SnmpV3Message message = SnmpV3Message.Create(1, V3Flags.Auth | V3Flags.Priv, UsmSecurityParameters.Discovery, new ScopedPdu([], string.Empty, SnmpPdu.Request(PduType.GetRequest, 1, [])));

        Assert.Throws<ArgumentException>(() => SnmpCodec.EncodeV3Plain(message));
    }

    [Fact]
    public void WritePdu_CerWriter_Throws()
    {
        Assert.Throws<ArgumentException>(() => SnmpCodec.WritePdu(new AsnWriter(AsnEncodingRules.CER), SnmpPdu.Request(PduType.GetRequest, 1, [])));
    }

    private static byte[] Message(Action<AsnWriter> content)
    {
        var writer = new AsnWriter(AsnEncodingRules.BER);
        using (writer.PushSequence())
        {
            content(writer);
        }

        return writer.Encode();
    }

    /// <summary>A GetRequest [0] with one varbind 1.3.6.1 whose value is <paramref name="encodedValue"/> (NULL by default).</summary>
    private static void WriteGet(AsnWriter writer, byte[]? encodedValue = null)
    {
        using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true)))
        {
            writer.WriteInteger(1);
            writer.WriteInteger(0);
            writer.WriteInteger(0);
            using (writer.PushSequence())
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier("1.3.6.1");
                if (encodedValue is null)
                {
                    writer.WriteNull();
                }
                else
                {
                    writer.WriteEncodedValue(encodedValue);
                }
            }
        }
    }

    private static byte[] Usm(Action<AsnWriter> writeUserName)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteOctetString([]);
            writer.WriteInteger(0);
            writer.WriteInteger(0);
            writeUserName(writer);
            writer.WriteOctetString([]);
            writer.WriteOctetString([]);
        }

        return writer.Encode();
    }

    private static byte[] V3(int version, int messageId, int maxSize, byte[] flags, int model, byte[] security) => Message(w =>
    {
        w.WriteInteger(version);
        using (w.PushSequence())
        {
            w.WriteInteger(messageId);
            w.WriteInteger(maxSize);
            w.WriteOctetString(flags);
            w.WriteInteger(model);
        }

        w.WriteOctetString(security);
        using (w.PushSequence())
        {
            w.WriteOctetString([]);
            w.WriteOctetString([]);
            WriteGet(w);
        }
    });
}
