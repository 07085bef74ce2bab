using System.Globalization;
using NetControl.Core;

namespace NetControl.Drivers.Snmp.Codec;

/// <summary>
/// A datagram is not a well-formed SNMP message: what is wrong and, when known, the byte offset of the
/// element at fault ("community: expected OCTET STRING, found INTEGER at byte 7"). Not transient: resending
/// the same bytes fails the same way.
/// </summary>
public sealed class SnmpDecodeException : NetControlException
{
    /// <summary>Creates the exception; the message becomes "<paramref name="what"/> at byte <paramref name="offset"/>".</summary>
    public SnmpDecodeException(string what, int? offset = null, Exception? inner = null)
        : base(offset is null ? what : string.Create(CultureInfo.InvariantCulture, $"{what} at byte {offset}"), inner)
    {
        Offset = offset;
    }

    /// <summary>Offset in the datagram of the element at fault, when known.</summary>
    public int? Offset { get; }
}
