using System.Buffers.Binary;

namespace NetControl.Probes.Bandwidth;

/// <summary>
/// Datagrams of the bandwidth stream protocol (big-endian; pure functions). Every datagram starts with the
/// magic "NCBW", a version byte (1) and a type byte.
/// <code>
/// Probe (type 1, padded with zeros to the stream's packet size, at least 28 bytes):
///   magic(4) ver(1) type(1) mbz(2) stream(4) seq(4) count(4) sendTimeNs(8)
/// Report request (type 2, 16 bytes): magic(4) ver(1) type(1) mbz(2) stream(4) firstSeq(4)
/// Report (type 3, 24 + 8 x entries bytes):
///   magic(4) ver(1) type(1) clock(1) mbz(1) stream(4) count(4) firstSeq(4) entries(2) mbz(2)
///   then per sequence number from firstSeq: receiveTimeNs(8), <see cref="NotReceived"/> when it did not arrive
/// </code>
/// A report with count 0 means the receiver saw no packet of that stream.
/// </summary>
public static class BandwidthWire
{
    /// <summary>Bytes of a probe header; the smallest probe packet.</summary>
    public const int ProbeHeaderSize = 28;

    /// <summary>Bytes of a report request.</summary>
    public const int ReportRequestSize = 16;

    /// <summary>Bytes of a report header.</summary>
    public const int ReportHeaderSize = 24;

    /// <summary>Most entries in one report (keeps a report under 1400 bytes).</summary>
    public const int MaxReportEntries = 160;

    /// <summary>Receive time of a packet that did not arrive.</summary>
    public const long NotReceived = long.MinValue;

    private const uint Magic = 0x4E43_4257; // "NCBW"
    private const byte Version = 1;

    /// <summary>The type of <paramref name="datagram"/>, or <see cref="BandwidthMessageType.None"/> when it is not ours.</summary>
    public static BandwidthMessageType Classify(ReadOnlySpan<byte> datagram) =>
        datagram.Length >= 8 && BinaryPrimitives.ReadUInt32BigEndian(datagram) == Magic && datagram[4] == Version
            ? (BandwidthMessageType)datagram[5] switch
            {
                BandwidthMessageType.Probe when datagram.Length >= ProbeHeaderSize => BandwidthMessageType.Probe,
                BandwidthMessageType.ReportRequest when datagram.Length >= ReportRequestSize => BandwidthMessageType.ReportRequest,
                BandwidthMessageType.Report when datagram.Length >= ReportHeaderSize => BandwidthMessageType.Report,
                _ => BandwidthMessageType.None,
            }
            : BandwidthMessageType.None;

    /// <summary>Writes the fixed probe fields (stream, count) and zero padding; <see cref="StampProbe"/> then sets seq and time per packet.</summary>
    public static void WriteProbe(Span<byte> packet, uint stream, int count)
    {
        if (packet.Length < ProbeHeaderSize)
        {
            throw new ArgumentException($"a probe packet needs at least {ProbeHeaderSize} bytes", nameof(packet));
        }

        packet.Clear();
        WriteHeader(packet, BandwidthMessageType.Probe);
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], stream);
        BinaryPrimitives.WriteInt32BigEndian(packet[16..], count);
    }

    /// <summary>Sets the sequence number and send time of a probe written by <see cref="WriteProbe"/>.</summary>
    public static void StampProbe(Span<byte> packet, int seq, long sendTimeNs)
    {
        BinaryPrimitives.WriteInt32BigEndian(packet[12..], seq);
        BinaryPrimitives.WriteInt64BigEndian(packet[20..], sendTimeNs);
    }

    /// <summary>Reads a probe; false when malformed.</summary>
    public static bool TryReadProbe(ReadOnlySpan<byte> datagram, out uint stream, out int seq, out int count, out long sendTimeNs)
    {
        stream = 0;
        seq = count = 0;
        sendTimeNs = 0;
        if (Classify(datagram) != BandwidthMessageType.Probe)
        {
            return false;
        }

        stream = BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]);
        seq = BinaryPrimitives.ReadInt32BigEndian(datagram[12..]);
        count = BinaryPrimitives.ReadInt32BigEndian(datagram[16..]);
        sendTimeNs = BinaryPrimitives.ReadInt64BigEndian(datagram[20..]);
        return count > 0 && seq >= 0 && seq < count;
    }

    /// <summary>Writes a report request; returns its length.</summary>
    public static int WriteReportRequest(Span<byte> buffer, uint stream, int firstSeq)
    {
        WriteHeader(buffer, BandwidthMessageType.ReportRequest);
        buffer[6] = buffer[7] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(buffer[8..], stream);
        BinaryPrimitives.WriteInt32BigEndian(buffer[12..], firstSeq);
        return ReportRequestSize;
    }

    /// <summary>Reads a report request; false when malformed.</summary>
    public static bool TryReadReportRequest(ReadOnlySpan<byte> datagram, out uint stream, out int firstSeq)
    {
        bool ok = Classify(datagram) == BandwidthMessageType.ReportRequest;
        stream = ok ? BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]) : 0;
        firstSeq = ok ? BinaryPrimitives.ReadInt32BigEndian(datagram[12..]) : 0;
        return ok && firstSeq >= 0;
    }

    /// <summary>Writes a report of <paramref name="receiveTimes"/> (at most <see cref="MaxReportEntries"/>) starting at <paramref name="firstSeq"/>; returns its length.</summary>
    public static int WriteReport(Span<byte> buffer, uint stream, ReceiveTimestampClock clock, int count, int firstSeq, ReadOnlySpan<long> receiveTimes)
    {
        if (receiveTimes.Length > MaxReportEntries)
        {
            throw new ArgumentException($"a report carries at most {MaxReportEntries} entries", nameof(receiveTimes));
        }

        int length = ReportHeaderSize + (8 * receiveTimes.Length);
        WriteHeader(buffer[..length], BandwidthMessageType.Report);
        buffer[6] = (byte)clock;
        buffer[7] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(buffer[8..], stream);
        BinaryPrimitives.WriteInt32BigEndian(buffer[12..], count);
        BinaryPrimitives.WriteInt32BigEndian(buffer[16..], firstSeq);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[20..], (ushort)receiveTimes.Length);
        BinaryPrimitives.WriteUInt16BigEndian(buffer[22..], 0);
        for (int i = 0; i < receiveTimes.Length; i++)
        {
            BinaryPrimitives.WriteInt64BigEndian(buffer[(ReportHeaderSize + (8 * i))..], receiveTimes[i]);
        }

        return length;
    }

    /// <summary>Reads a report header; false when malformed or truncated. Entries are read with <see cref="ReadReportEntry"/>.</summary>
    public static bool TryReadReport(ReadOnlySpan<byte> datagram, out uint stream, out ReceiveTimestampClock clock, out int count, out int firstSeq, out int entries)
    {
        bool ok = Classify(datagram) == BandwidthMessageType.Report;
        stream = ok ? BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]) : 0;
        clock = ok ? (ReceiveTimestampClock)datagram[6] : default;
        count = ok ? BinaryPrimitives.ReadInt32BigEndian(datagram[12..]) : 0;
        firstSeq = ok ? BinaryPrimitives.ReadInt32BigEndian(datagram[16..]) : 0;
        entries = ok ? BinaryPrimitives.ReadUInt16BigEndian(datagram[20..]) : 0;
        return ok
            && count >= 0 && firstSeq >= 0 && entries <= MaxReportEntries
            && datagram.Length >= ReportHeaderSize + (8 * entries)
            && (count == 0 || (long)firstSeq + entries <= count);
    }

    /// <summary>Entry <paramref name="index"/> of a report validated by <see cref="TryReadReport"/>.</summary>
    public static long ReadReportEntry(ReadOnlySpan<byte> datagram, int index) =>
        BinaryPrimitives.ReadInt64BigEndian(datagram[(ReportHeaderSize + (8 * index))..]);

    private static void WriteHeader(Span<byte> buffer, BandwidthMessageType type)
    {
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Magic);
        buffer[4] = Version;
        buffer[5] = (byte)type;
    }
}
