using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Codec;

/// <summary>
/// Reads the id that correlates a datagram with a request (the PDU's request-id for SNMPv2c, msgID for SNMPv3), and
/// for SNMPv2c where the community lies, from a datagram that does not decode, so that a manager can tell which
/// request an undecodable reply was meant for. Lenient on purpose: only the element headers on the way to the id must
/// be readable, not the lengths of the enclosing elements (a truncated reply still names its request). Nothing read
/// here is authenticated (an SNMPv3 msgID least of all): the result is a hint, never grounds to fail a request at
/// once. Never throws.
/// </summary>
internal static class SnmpMessageIdPeek
{
    private const byte Sequence = 0x30;
    private const byte Integer = 0x02;
    private const byte OctetString = 0x04;

    /// <summary>
    /// True with the version and id when the datagram starts like an SNMPv2c or SNMPv3 message up to its id;
    /// <paramref name="community"/> is where the SNMPv2c community's bytes are in <paramref name="datagram"/> (empty for SNMPv3).
    /// </summary>
    public static bool TryPeek(ReadOnlySpan<byte> datagram, out SnmpVersion version, out int id, out Range community)
    {
        version = default;
        id = 0;
        community = default;
        int position = 0;
        if (!TryEnter(datagram, ref position, Sequence) || !TryReadInteger(datagram, ref position, out int number))
        {
            return false;
        }

        switch (number)
        {
            case (int)SnmpVersion.V2c:
                // community, then the PDU (context-specific, constructed, tags 0-8), then request-id.
                if (!TrySkip(datagram, ref position, OctetString, out int communityLength))
                {
                    return false;
                }

                var communityBytes = new Range(position - communityLength, position);
                if (position >= datagram.Length
                    || (datagram[position] & 0xE0) != 0xA0 || !SnmpTags.IsPduNumber(datagram[position] & 0x1F)
                    || !TryEnter(datagram, ref position, datagram[position]))
                {
                    return false;
                }

                version = SnmpVersion.V2c;
                community = communityBytes;
                return TryReadInteger(datagram, ref position, out id);
            case (int)SnmpVersion.V3:
                // msgGlobalData SEQUENCE { msgID, ... }.
                version = SnmpVersion.V3;
                return TryEnter(datagram, ref position, Sequence) && TryReadInteger(datagram, ref position, out id);
            default:
                return false;
        }
    }

    /// <summary>Steps into a constructed element with tag <paramref name="tag"/>: only its header must be present.</summary>
    private static bool TryEnter(ReadOnlySpan<byte> data, ref int position, byte tag) =>
        TryHeader(data, ref position, tag, out _);

    /// <summary>Skips a primitive element with tag <paramref name="tag"/>, which must be present whole.</summary>
    private static bool TrySkip(ReadOnlySpan<byte> data, ref int position, byte tag, out int length)
    {
        if (!TryHeader(data, ref position, tag, out length) || length > data.Length - position)
        {
            return false;
        }

        position += length;
        return true;
    }

    private static bool TryReadInteger(ReadOnlySpan<byte> data, ref int position, out int value)
    {
        value = 0;
        if (!TryHeader(data, ref position, Integer, out int length) || length is < 1 or > 4 || length > data.Length - position)
        {
            return false;
        }

        value = (sbyte)data[position];
        for (int i = 1; i < length; i++)
        {
            value = (value << 8) | data[position + i];
        }

        position += length;
        return true;
    }

    /// <summary>Reads a one-byte tag that must be <paramref name="tag"/> and a definite length (short or long form, up to 4 octets).</summary>
    private static bool TryHeader(ReadOnlySpan<byte> data, ref int position, byte tag, out int length)
    {
        length = 0;
        if (data.Length - position < 2 || data[position] != tag)
        {
            return false;
        }

        byte first = data[position + 1];
        position += 2;
        if (first < 0x80)
        {
            length = first;
            return true;
        }

        int octets = first & 0x7F;
        if (octets is 0 or > 4 || octets > data.Length - position)
        {
            return false;
        }

        long value = 0;
        for (int i = 0; i < octets; i++)
        {
            value = (value << 8) | data[position + i];
        }

        position += octets;
        if (value > int.MaxValue)
        {
            return false;
        }

        length = (int)value;
        return true;
    }
}
