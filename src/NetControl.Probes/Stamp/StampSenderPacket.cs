namespace NetControl.Probes.Stamp;

/// <summary>
/// The unauthenticated STAMP Session-Sender test packet (RFC 8762 section 4.2.1 with the RFC 8972 SSID), 44 bytes:
/// <c>Seq(4) Timestamp(8) ErrorEstimate(2) SSID(2) MBZ(28)</c>. Longer datagrams are accepted, the rest being padding.
/// </summary>
/// <param name="SequenceNumber">Sender sequence number, from 0, one per packet.</param>
/// <param name="Timestamp">T1: when the sender transmitted the packet.</param>
/// <param name="ErrorEstimate">The sender clock's error estimate.</param>
/// <param name="Ssid">STAMP Session Identifier (RFC 8972); echoed by the reflector.</param>
public readonly record struct StampSenderPacket(uint SequenceNumber, NtpTimestamp Timestamp, ErrorEstimate ErrorEstimate, ushort Ssid)
{
    /// <summary>Writes the packet into <paramref name="destination"/> and zeroes the rest of it (MBZ and padding); returns the bytes written.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 44 bytes.</exception>
    public int Encode(Span<byte> destination)
    {
        StampFields.WriteHeader(destination, SequenceNumber, Timestamp, ErrorEstimate, Ssid);
        destination[StampFields.HeaderLength..].Clear();
        return destination.Length;
    }

    /// <summary>
    /// Decodes a Session-Sender packet; never throws. Lenient decoding (the default) ignores MBZ bytes and accepts a
    /// zero error multiplier, as deployed TWAMP-Light reflectors do; <paramref name="strict"/> rejects both.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> source, out StampSenderPacket packet, out StampDecodeError? error, bool strict = false)
    {
        packet = default;
        if (!StampFields.HeaderFits(source, out error) || !StampFields.Fits(source, 16, 28, "Mbz", out error))
        {
            return false;
        }

        StampFields.ReadHeader(source, out var sequenceNumber, out var timestamp, out var estimate, out var ssid);
        if (strict && (!StampFields.IsZero(source, 16, 28, "Mbz", out error) || !StampFields.HasMultiplier(estimate, 12, "ErrorEstimate", source.Length, out error)))
        {
            return false;
        }

        packet = new StampSenderPacket(sequenceNumber, timestamp, estimate, ssid);
        return true;
    }
}
