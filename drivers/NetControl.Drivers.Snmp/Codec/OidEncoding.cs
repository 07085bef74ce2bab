using System.Formats.Asn1;
using System.Globalization;
using System.Text;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Codec;

/// <summary>
/// OBJECT IDENTIFIER contents (X.690 section 8.19) within SNMP's limits: up to 128 arcs of 32 bits
/// (RFC 2578 section 3.5). Done here rather than by AsnDecoder, which stops at 64 arcs.
/// </summary>
internal static class OidEncoding
{
    /// <summary>Longest content: 127 sub-identifiers (the first carries two arcs) of at most 5 bytes.</summary>
    public const int MaxContentLength = (Oid.MaxArcs - 1) * 5;

    /// <summary>Decodes OID contents; on failure returns null and says why.</summary>
    public static string? Decode(ReadOnlySpan<byte> content, out string? error)
    {
        error = null;
        if (content.IsEmpty || content.Length > MaxContentLength)
        {
            error = content.IsEmpty ? "empty OBJECT IDENTIFIER" : $"OBJECT IDENTIFIER of {content.Length} bytes, more than {Oid.MaxArcs} arcs can take";
            return null;
        }

        var text = new StringBuilder(content.Length * 3);
        int arcs = 0;
        ulong subidentifier = 0;
        bool starting = true;
        foreach (byte b in content)
        {
            if (starting && b == 0x80)
            {
                error = "OBJECT IDENTIFIER sub-identifier with a leading 0x80 (not minimal)";
                return null;
            }

            starting = (b & 0x80) == 0;
            subidentifier = (subidentifier << 7) | (uint)(b & 0x7F);
            if (subidentifier > (ulong)uint.MaxValue + 80)
            {
                error = "OBJECT IDENTIFIER arc over 4294967295";
                return null;
            }

            if (!starting)
            {
                continue;
            }

            if (arcs == 0)
            {
                ulong first = Math.Min(subidentifier / 40, 2);
                text.Append((char)('0' + first)).Append('.').Append((subidentifier - (first * 40)).ToString(CultureInfo.InvariantCulture));
                arcs = 2;
                if (subidentifier - (first * 40) > uint.MaxValue)
                {
                    error = "OBJECT IDENTIFIER arc over 4294967295";
                    return null;
                }
            }
            else if (subidentifier > uint.MaxValue || ++arcs > Oid.MaxArcs)
            {
                error = subidentifier > uint.MaxValue ? "OBJECT IDENTIFIER arc over 4294967295" : $"OBJECT IDENTIFIER of more than {Oid.MaxArcs} arcs";
                return null;
            }
            else
            {
                text.Append('.').Append(subidentifier.ToString(CultureInfo.InvariantCulture));
            }

            subidentifier = 0;
        }

        if (!starting)
        {
            error = "OBJECT IDENTIFIER ends inside a sub-identifier";
            return null;
        }

        return text.ToString();
    }

    /// <summary>Writes an OID that <see cref="Oid.IsValid"/> accepted.</summary>
    public static void Write(AsnWriter writer, string oid)
    {
        Span<byte> content = stackalloc byte[MaxContentLength];
        int length = 0;
        ulong first = 0;
        int index = 0;
        foreach (Range range in oid.AsSpan().Split('.'))
        {
            ulong arc = ulong.Parse(oid.AsSpan()[range], NumberStyles.None, CultureInfo.InvariantCulture);
            if (index++ == 0)
            {
                first = arc * 40;
                continue;
            }

            ulong subidentifier = index == 2 ? first + arc : arc;
            int groups = 1;
            while (groups < 10 && subidentifier >> (7 * groups) != 0)
            {
                groups++;
            }

            for (int g = groups - 1; g >= 0; g--)
            {
                content[length++] = (byte)(((subidentifier >> (7 * g)) & 0x7F) | (g == 0 ? 0u : 0x80u));
            }
        }

        Span<byte> encoded = stackalloc byte[4 + MaxContentLength];
        int header = length switch
        {
            < 0x80 => Header(encoded, 0x06, (byte)length),
            < 0x100 => Header(encoded, 0x06, 0x81, (byte)length),
            _ => Header(encoded, 0x06, 0x82, (byte)(length >> 8), (byte)length),
        };
        content[..length].CopyTo(encoded[header..]);
        writer.WriteEncodedValue(encoded[..(header + length)]);
    }

    private static int Header(Span<byte> destination, params ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination);
        return bytes.Length;
    }
}
