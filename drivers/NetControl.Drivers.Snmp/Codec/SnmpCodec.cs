using System.Formats.Asn1;
using System.Runtime.InteropServices;
using System.Text;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Codec;

/// <summary>
/// Encodes and decodes SNMP messages (BER per RFC 3416/3417, RFC 3412 for v3). Pure functions: bytes in,
/// messages out. Encoding writes what net-snmp writes: definite, minimal lengths and minimal integers (DER
/// for these types), so decoding a net-snmp datagram and encoding it again gives the same bytes.
/// Decoding follows RFC 3417 section 8: definite lengths only (indefinite rejected), long-form lengths with
/// more octets than necessary accepted (RFC 3417 permits them), primitive strings only, minimal integer
/// contents, nothing after the last element. Limits: 65507-byte datagrams, 10,000 varbinds, 128 OID arcs of
/// 32 bits; the message layout is fixed, so nesting depth is bounded by construction. Every malformed
/// input is an <see cref="SnmpDecodeException"/>; invalid messages to encode are <see cref="ArgumentException"/>s.
/// </summary>
public static class SnmpCodec
{
    /// <summary>Largest datagram accepted or produced: the largest UDP payload over IPv4.</summary>
    public const int MaxDatagramSize = 65507;

    /// <summary>Most varbinds a PDU may carry.</summary>
    public const int MaxVarBinds = 10_000;

    /// <summary>Encodes an SNMPv2c message. The community must be Latin-1 (every char below U+0100).</summary>
    public static byte[] Encode(SnmpV2cMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Community);
        if (message.Community.Any(c => c > '\u00FF'))
        {
            throw new ArgumentException("the community must be Latin-1: SNMP carries it as bytes", nameof(message));
        }

        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger((int)SnmpVersion.V2c);
            writer.WriteOctetString(Encoding.Latin1.GetBytes(message.Community));
            PduSerializer.Write(writer, message.Pdu);
        }

        return Finish(writer);
    }

    /// <summary>The msgVersion of a datagram, to choose <see cref="DecodeV2c"/> or <see cref="DecodeV3"/>; other versions (SNMPv1 is 0) fail.</summary>
    public static SnmpVersion PeekVersion(ReadOnlySpan<byte> datagram)
    {
        CheckSize(datagram);
        var outer = new SnmpBerReader(datagram);
        SnmpBerReader message = outer.ReadSequence("message");
        int at = message.Offset;
        int version = message.ReadInt32("version");
        return version switch
        {
            (int)SnmpVersion.V2c => SnmpVersion.V2c,
            (int)SnmpVersion.V3 => SnmpVersion.V3,
            0 => throw new SnmpDecodeException("version: SNMPv1 (0) is not supported", at),
            _ => throw new SnmpDecodeException($"version: {version} is neither SNMPv2c (1) nor SNMPv3 (3)", at),
        };
    }

    /// <summary>Decodes an SNMPv2c datagram.</summary>
    public static SnmpV2cMessage DecodeV2c(ReadOnlySpan<byte> datagram)
    {
        CheckSize(datagram);
        var outer = new SnmpBerReader(datagram);
        SnmpBerReader message = outer.ReadSequence("message");
        int at = message.Offset;
        int version = message.ReadInt32("version");
        if (version != (int)SnmpVersion.V2c)
        {
            throw new SnmpDecodeException($"version: {version} is not SNMPv2c (1)", at);
        }

        string community = Encoding.Latin1.GetString(message.ReadOctetString("community", out _));
        SnmpPdu pdu = PduSerializer.Read(ref message);
        message.ThrowIfNotEmpty("message");
        outer.ThrowIfNotEmpty("datagram");
        return new SnmpV2cMessage(community, pdu);
    }

    /// <summary>Writes a PDU (for the v3 scoped PDU). Throws <see cref="ArgumentException"/> before writing anything when the PDU is invalid.</summary>
    public static void WritePdu(AsnWriter writer, SnmpPdu pdu) => PduSerializer.Write(writer, pdu);

    /// <summary>
    /// Reads the next element of <paramref name="reader"/> as a PDU, under SNMP's rules whatever the reader's.
    /// Error offsets count from the start of the reader's backing array when it has one.
    /// </summary>
    public static SnmpPdu ReadPdu(AsnReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ReadOnlyMemory<byte> encoded;
        try
        {
            encoded = reader.ReadEncodedValue();
        }
        catch (AsnContentException ex)
        {
            throw new SnmpDecodeException($"PDU: {ex.Message}", inner: ex);
        }

        int baseOffset = MemoryMarshal.TryGetArray(encoded, out ArraySegment<byte> segment) ? segment.Offset : 0;
        var pduReader = new SnmpBerReader(encoded.Span, baseOffset);
        SnmpPdu pdu = PduSerializer.Read(ref pduReader);
        pduReader.ThrowIfNotEmpty("PDU");
        return pdu;
    }

    /// <summary>
    /// Encodes an SNMPv3 message as given: msgAuthenticationParameters and msgPrivacyParameters are written
    /// unchanged, and with the privacy flag the scoped PDU is <see cref="SnmpV3Message.EncryptedPdu"/>.
    /// <see cref="SnmpV3Codec.Encode"/> applies the security.
    /// </summary>
    public static byte[] EncodeV3Plain(SnmpV3Message message) => V3Serializer.Encode(message);

    /// <summary>
    /// Decodes an SNMPv3 datagram without checking its security: an encrypted scoped PDU stays in
    /// <see cref="SnmpV3Message.EncryptedPdu"/>. <paramref name="authParamsOffset"/> is the offset in the datagram
    /// of the msgAuthenticationParameters content, to zero before recomputing the digest.
    /// </summary>
    public static SnmpV3Message DecodeV3(ReadOnlySpan<byte> datagram, out int authParamsOffset) =>
        V3Serializer.Decode(datagram, headerOnly: false, out authParamsOffset);

    internal static void CheckSize(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty)
        {
            throw new SnmpDecodeException("empty datagram", 0);
        }

        if (datagram.Length > MaxDatagramSize)
        {
            throw new SnmpDecodeException($"datagram of {datagram.Length} bytes, over the {MaxDatagramSize}-byte limit");
        }
    }

    internal static byte[] Finish(AsnWriter writer)
    {
        int length = writer.GetEncodedLength();
        return length <= MaxDatagramSize
            ? writer.Encode()
            : throw new ArgumentException($"the message encodes to {length} bytes, over the {MaxDatagramSize}-byte datagram limit");
    }
}
