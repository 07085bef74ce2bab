using System.Buffers.Binary;

namespace NetControl.Probes.Stamp;

/// <summary>
/// The unauthenticated STAMP Session-Reflector test packet (RFC 8762 section 4.3.1 with the RFC 8972 SSID), 44 bytes:
/// <c>Seq(4) T3(8) ErrorEstimate(2) SSID(2) T2(8) SenderSeq(4) T1(8) SenderErrorEstimate(2) MBZ(2) SenderTTL(1) MBZ(3)</c>.
/// Longer datagrams are accepted, the rest being padding.
/// </summary>
/// <param name="SequenceNumber">Reflector sequence number (a stateless reflector copies the sender's).</param>
/// <param name="Timestamp">T3: when the reflector transmitted the reply.</param>
/// <param name="ErrorEstimate">The reflector clock's error estimate (its Z bit also applies to T2).</param>
/// <param name="Ssid">The SSID of the sender packet, echoed.</param>
/// <param name="ReceiveTimestamp">T2: when the reflector received the sender packet.</param>
/// <param name="SenderSequenceNumber">The sender packet's sequence number.</param>
/// <param name="SenderTimestamp">T1 copied from the sender packet.</param>
/// <param name="SenderErrorEstimate">The sender packet's error estimate, copied.</param>
/// <param name="SenderTtl">TTL / hop limit of the sender packet as received (255 when the reflector cannot read it).</param>
public readonly record struct StampReflectorPacket(
    uint SequenceNumber,
    NtpTimestamp Timestamp,
    ErrorEstimate ErrorEstimate,
    ushort Ssid,
    NtpTimestamp ReceiveTimestamp,
    uint SenderSequenceNumber,
    NtpTimestamp SenderTimestamp,
    ErrorEstimate SenderErrorEstimate,
    byte SenderTtl)
{
    /// <summary>Writes the packet into <paramref name="destination"/> and zeroes MBZ and the rest of it (padding); returns the bytes written.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 44 bytes.</exception>
    public int Encode(Span<byte> destination)
    {
        StampFields.WriteHeader(destination, SequenceNumber, Timestamp, ErrorEstimate, Ssid);
        ReceiveTimestamp.WriteTo(destination[16..]);
        BinaryPrimitives.WriteUInt32BigEndian(destination[24..], SenderSequenceNumber);
        SenderTimestamp.WriteTo(destination[28..]);
        BinaryPrimitives.WriteUInt16BigEndian(destination[36..], SenderErrorEstimate.Value);
        destination.Slice(38, 2).Clear();
        destination[40] = SenderTtl;
        destination[41..].Clear();
        return destination.Length;
    }

    /// <summary>
    /// Decodes a Session-Reflector packet; never throws. Lenient decoding (the default) ignores MBZ bytes and accepts
    /// zero error multipliers; <paramref name="strict"/> rejects both.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> source, out StampReflectorPacket packet, out StampDecodeError? error, bool strict = false)
    {
        packet = default;
        if (!StampFields.HeaderFits(source, out error)
            || !StampFields.Fits(source, 16, NtpTimestamp.Size, "ReceiveTimestamp", out error)
            || !StampFields.Fits(source, 24, 4, "SenderSequenceNumber", out error)
            || !StampFields.Fits(source, 28, NtpTimestamp.Size, "SenderTimestamp", out error)
            || !StampFields.Fits(source, 36, ErrorEstimate.Size, "SenderErrorEstimate", out error)
            || !StampFields.Fits(source, 38, 2, "Mbz", out error)
            || !StampFields.Fits(source, 40, 1, "SenderTtl", out error)
            || !StampFields.Fits(source, 41, 3, "Mbz", out error))
        {
            return false;
        }

        StampFields.ReadHeader(source, out var sequenceNumber, out var timestamp, out var estimate, out var ssid);
        var senderEstimate = ErrorEstimate.FromValue(BinaryPrimitives.ReadUInt16BigEndian(source[36..]));
        if (strict
            && (!StampFields.IsZero(source, 38, 2, "Mbz", out error)
                || !StampFields.IsZero(source, 41, 3, "Mbz", out error)
                || !StampFields.HasMultiplier(estimate, 12, "ErrorEstimate", source.Length, out error)
                || !StampFields.HasMultiplier(senderEstimate, 36, "SenderErrorEstimate", source.Length, out error)))
        {
            return false;
        }

        packet = new StampReflectorPacket(
            sequenceNumber,
            timestamp,
            estimate,
            ssid,
            NtpTimestamp.ReadFrom(source[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[24..]),
            NtpTimestamp.ReadFrom(source[28..]),
            senderEstimate,
            source[40]);
        return true;
    }
}
