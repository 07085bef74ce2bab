using System.Buffers.Binary;

namespace NetControl.Probes.Stamp;

/// <summary>
/// Bounds and MBZ checks shared by the packet decoders, producing the typed error, and the 16-byte header common to
/// both packets: <c>Seq(4) Timestamp(8) ErrorEstimate(2) SSID(2)</c>.
/// </summary>
internal static class StampFields
{
    /// <summary>Size of the header shared by the sender and reflector packets.</summary>
    public const int HeaderLength = 16;

    /// <summary>Checks that <paramref name="destination"/> holds a base packet, then writes the common header.</summary>
    public static void WriteHeader(Span<byte> destination, uint sequenceNumber, NtpTimestamp timestamp, ErrorEstimate errorEstimate, ushort ssid)
    {
        if (destination.Length < StampPacketLayout.BaseLength)
        {
            throw new ArgumentException($"a STAMP packet needs {StampPacketLayout.BaseLength} bytes, the buffer has {destination.Length}", nameof(destination));
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, sequenceNumber);
        timestamp.WriteTo(destination[4..]);
        BinaryPrimitives.WriteUInt16BigEndian(destination[12..], errorEstimate.Value);
        BinaryPrimitives.WriteUInt16BigEndian(destination[14..], ssid);
    }

    /// <summary>Checks that the common header fits in <paramref name="source"/>, field by field.</summary>
    public static bool HeaderFits(ReadOnlySpan<byte> source, out StampDecodeError? error) =>
        Fits(source, 0, 4, "SequenceNumber", out error)
        && Fits(source, 4, NtpTimestamp.Size, "Timestamp", out error)
        && Fits(source, 12, ErrorEstimate.Size, "ErrorEstimate", out error)
        && Fits(source, 14, 2, "Ssid", out error);

    /// <summary>Reads the common header; the caller has checked it fits.</summary>
    public static void ReadHeader(ReadOnlySpan<byte> source, out uint sequenceNumber, out NtpTimestamp timestamp, out ErrorEstimate errorEstimate, out ushort ssid)
    {
        sequenceNumber = BinaryPrimitives.ReadUInt32BigEndian(source);
        timestamp = NtpTimestamp.ReadFrom(source[4..]);
        errorEstimate = ErrorEstimate.FromValue(BinaryPrimitives.ReadUInt16BigEndian(source[12..]));
        ssid = BinaryPrimitives.ReadUInt16BigEndian(source[14..]);
    }

    public static bool Fits(ReadOnlySpan<byte> source, int offset, int size, string field, out StampDecodeError? error)
    {
        error = source.Length >= offset + size ? null : new StampDecodeError(StampDecodeErrorKind.TooShort, field, offset, source.Length);
        return error is null;
    }

    public static bool IsZero(ReadOnlySpan<byte> source, int offset, int size, string field, out StampDecodeError? error)
    {
        var at = source.Slice(offset, size).IndexOfAnyExcept((byte)0);
        error = at < 0 ? null : new StampDecodeError(StampDecodeErrorKind.NonZeroMbz, field, offset + at, source.Length);
        return error is null;
    }

    public static bool HasMultiplier(ErrorEstimate estimate, int offset, string field, int length, out StampDecodeError? error)
    {
        error = estimate.Multiplier != 0 ? null : new StampDecodeError(StampDecodeErrorKind.ZeroErrorMultiplier, field, offset + 1, length);
        return error is null;
    }
}
