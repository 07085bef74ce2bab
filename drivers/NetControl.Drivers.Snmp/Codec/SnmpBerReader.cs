using System.Formats.Asn1;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Codec;

/// <summary>
/// A forward reader over BER elements that knows each element's offset in the datagram, for errors and
/// for the v3 digest. Built on <see cref="AsnDecoder"/> (the span twin of AsnReader) with SNMP's
/// serialization rules (RFC 3417 section 8): definite lengths only, long-form lengths with more octets than
/// needed accepted, primitive encoding for INTEGER, OCTET STRING and OBJECT IDENTIFIER, minimal integer
/// contents. Every failure is a <see cref="SnmpDecodeException"/>.
/// </summary>
internal ref struct SnmpBerReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _base;
    private int _position;

    public SnmpBerReader(ReadOnlySpan<byte> data, int baseOffset = 0)
    {
        _data = data;
        _base = baseOffset;
    }

    /// <summary>True while elements remain.</summary>
    public readonly bool HasData => _position < _data.Length;

    /// <summary>Offset in the datagram of the next element.</summary>
    public readonly int Offset => _base + _position;

    /// <summary>The tag of the next element.</summary>
    public readonly Asn1Tag PeekTag(string what) => PeekTag(what, out _);

    private readonly Asn1Tag PeekTag(string what, out int tagLength)
    {
        if (!HasData)
        {
            throw new SnmpDecodeException($"{what}: missing, the enclosing element ends", Offset);
        }

        return Asn1Tag.TryDecode(_data[_position..], out Asn1Tag tag, out tagLength)
            ? tag
            : throw new SnmpDecodeException($"{what}: malformed tag", Offset);
    }

    /// <summary>Reads a SEQUENCE (or an IMPLICIT SEQUENCE with <paramref name="tag"/>) and returns a reader over its content.</summary>
    public SnmpBerReader ReadSequence(string what, Asn1Tag? tag = null)
    {
        ReadOnlySpan<byte> content = ReadElement(what, tag ?? Asn1Tag.Sequence, out int contentOffset, out _);
        return new SnmpBerReader(content, contentOffset);
    }

    /// <summary>Reads an INTEGER that must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int ReadInt32(string what, int min = int.MinValue, int max = int.MaxValue)
    {
        int at = Offset;
        ReadOnlySpan<byte> content = ReadElement(what, Asn1Tag.Integer, out _, out ReadOnlySpan<byte> encoded);
        if (content.Length > 4)
        {
            throw new SnmpDecodeException($"{what}: INTEGER of {content.Length} bytes does not fit Integer32", at);
        }

        bool fits;
        int value;
        try
        {
            fits = AsnDecoder.TryReadInt32(encoded, AsnEncodingRules.BER, out value, out _);
        }
        catch (AsnContentException ex)
        {
            throw new SnmpDecodeException($"{what}: {ex.Message}", at, ex);
        }

        return fits && value >= min && value <= max
            ? value
            : throw new SnmpDecodeException($"{what}: {value} is outside {min}..{max}", at);
    }

    /// <summary>Reads a non-negative INTEGER with an application tag (Counter32, Gauge32, TimeTicks, Counter64) of at most <paramref name="max"/>.</summary>
    public ulong ReadUnsigned(string what, Asn1Tag tag, ulong max)
    {
        int at = Offset;
        ReadOnlySpan<byte> content = ReadElement(what, tag, out _, out ReadOnlySpan<byte> encoded);
        if (content.Length > 9)
        {
            throw new SnmpDecodeException($"{what}: {SnmpTags.Describe(tag)} of {content.Length} bytes is over 0..{max}", at);
        }

        bool fits;
        ulong value;
        try
        {
            fits = AsnDecoder.TryReadUInt64(encoded, AsnEncodingRules.BER, out value, out _, tag);
        }
        catch (AsnContentException ex)
        {
            throw new SnmpDecodeException($"{what}: {ex.Message}", at, ex);
        }

        return fits && value <= max
            ? value
            : throw new SnmpDecodeException($"{what}: {SnmpTags.Describe(tag)} is negative or over {max}", at);
    }

    /// <summary>Reads a primitive OCTET STRING (or one with <paramref name="tag"/>) and returns its content.</summary>
    public ReadOnlySpan<byte> ReadOctetString(string what, out int contentOffset, Asn1Tag? tag = null) =>
        ReadElement(what, tag ?? Asn1Tag.PrimitiveOctetString, out contentOffset, out _);

    /// <summary>Reads an OBJECT IDENTIFIER of at most 128 arcs of 32 bits each.</summary>
    public string ReadOid(string what)
    {
        int at = Offset;
        ReadOnlySpan<byte> content = ReadElement(what, Asn1Tag.ObjectIdentifier, out _, out _);
        return OidEncoding.Decode(content, out string? error) ?? throw new SnmpDecodeException($"{what}: {error}", at);
    }

    /// <summary>Reads a NULL (or an IMPLICIT NULL with <paramref name="tag"/>).</summary>
    public void ReadNull(string what, Asn1Tag? tag = null)
    {
        int at = Offset;
        if (!ReadElement(what, tag ?? Asn1Tag.Null, out _, out _).IsEmpty)
        {
            throw new SnmpDecodeException($"{what}: NULL with content", at);
        }
    }

    /// <summary>Reads a varbind value: any SNMPv2 syntax or exception value.</summary>
    public SnmpValue ReadValue(string what)
    {
        int at = Offset;
        Asn1Tag tag = PeekTag(what);
        switch (tag.TagClass, tag.TagValue, tag.IsConstructed)
        {
            case (TagClass.Universal, 2, false):
                return SnmpValue.Integer(ReadInt32(what));
            case (TagClass.Universal, 4, false):
                return SnmpValue.OctetString(ReadOctetString(what, out _));
            case (TagClass.Universal, 5, false):
                ReadNull(what);
                return SnmpValue.Null;
            case (TagClass.Universal, 6, false):
                return SnmpValue.TrustedObjectIdentifier(ReadOid(what));
            case (TagClass.Application, 0, false):
                ReadOnlySpan<byte> address = ReadOctetString(what, out _, SnmpTags.IpAddress);
                return address.Length == 4
                    ? SnmpValue.IpAddress(address)
                    : throw new SnmpDecodeException($"{what}: IpAddress of {address.Length} bytes, not 4", at);
            case (TagClass.Application, 1, false):
                return SnmpValue.Counter32((uint)ReadUnsigned(what, SnmpTags.Counter32, uint.MaxValue));
            case (TagClass.Application, 2, false):
                return SnmpValue.Gauge32((uint)ReadUnsigned(what, SnmpTags.Gauge32, uint.MaxValue));
            case (TagClass.Application, 3, false):
                return SnmpValue.TimeTicks((uint)ReadUnsigned(what, SnmpTags.TimeTicks, uint.MaxValue));
            case (TagClass.Application, 4, false):
                return SnmpValue.Opaque(ReadOctetString(what, out _, SnmpTags.Opaque));
            case (TagClass.Application, 6, false):
                return SnmpValue.Counter64(ReadUnsigned(what, SnmpTags.Counter64, ulong.MaxValue));
            case (TagClass.ContextSpecific, 0, false):
                ReadNull(what, SnmpTags.NoSuchObject);
                return SnmpValue.NoSuchObject;
            case (TagClass.ContextSpecific, 1, false):
                ReadNull(what, SnmpTags.NoSuchInstance);
                return SnmpValue.NoSuchInstance;
            case (TagClass.ContextSpecific, 2, false):
                ReadNull(what, SnmpTags.EndOfMibView);
                return SnmpValue.EndOfMibView;
            default:
                throw new SnmpDecodeException($"{what}: {SnmpTags.Describe(tag)} is not an SNMPv2 value type", at);
        }
    }

    /// <summary>Fails when bytes remain after the last expected element.</summary>
    public readonly void ThrowIfNotEmpty(string what)
    {
        if (HasData)
        {
            throw new SnmpDecodeException($"{what}: {_data.Length - _position} unexpected bytes after its last element", Offset);
        }
    }

    /// <summary>Reads the next element, which must carry <paramref name="expected"/>; returns its content.</summary>
    private ReadOnlySpan<byte> ReadElement(string what, Asn1Tag expected, out int contentOffset, out ReadOnlySpan<byte> encoded)
    {
        int at = Offset;
        Asn1Tag tag = PeekTag(what, out int tagLength);
        if (tag != expected)
        {
            throw new SnmpDecodeException($"{what}: expected {SnmpTags.Describe(expected)}, found {SnmpTags.Describe(tag)}", at);
        }

        ReadOnlySpan<byte> rest = _data[_position..];
        if (rest.Length > tagLength && rest[tagLength] == 0x80)
        {
            throw new SnmpDecodeException($"{what}: indefinite length, which SNMP forbids (RFC 3417 section 8)", at);
        }

        int contentStart, contentLength, consumed;
        try
        {
            AsnDecoder.ReadEncodedValue(rest, AsnEncodingRules.BER, out contentStart, out contentLength, out consumed);
        }
        catch (AsnContentException ex)
        {
            throw new SnmpDecodeException($"{what}: {ex.Message}", at, ex);
        }

        _position += consumed;
        contentOffset = at + contentStart;
        encoded = rest[..consumed];
        return rest.Slice(contentStart, contentLength);
    }
}
