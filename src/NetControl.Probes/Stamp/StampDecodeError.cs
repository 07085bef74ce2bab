using System.Globalization;

namespace NetControl.Probes.Stamp;

/// <summary>Why a STAMP test packet did not decode: the kind, the field and the byte offset at fault.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Field">The field at fault, as named in RFC 8762 ("ReceiveTimestamp").</param>
/// <param name="Offset">Byte offset of that field in the datagram.</param>
/// <param name="Length">Length of the datagram that was examined.</param>
public sealed record StampDecodeError(StampDecodeErrorKind Kind, string Field, int Offset, int Length)
{
    /// <summary>A one-line description: "TooShort: ReceiveTimestamp at byte 16 (datagram is 20 bytes)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}: {Field} at byte {Offset} (datagram is {Length} bytes)");
}
