using System.Buffers.Binary;

namespace NetControl.Messaging.StoreAndForward;

/// <summary>
/// The journal's on-disk record format, little endian:
/// <c>magic u16 'NJ' | kind u8 | reserved u8 | length u32 | crc32 u32 (kind, length, body) | body</c>.
/// Data bodies are <c>sequence u64 | summary JSON</c>; acknowledged and dropped bodies are <c>count u32 | (first u64,
/// last u64) * count</c>; the header body is <c>next sequence u64</c>. Pure functions, no I/O.
/// </summary>
internal static class JournalFormat
{
    public const ushort Magic = 0x4A4E;
    public const int HeaderSize = 12;
    public const int MaxBodyBytes = 1024 * 1024;

    public static byte[] Header(long nextSequence)
    {
        Span<byte> body = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(body, nextSequence);
        return Frame(JournalRecordKind.Header, body);
    }

    public static void WriteData(Stream output, long sequence, ReadOnlySpan<byte> json)
    {
        var body = new byte[8 + json.Length];
        BinaryPrimitives.WriteInt64LittleEndian(body, sequence);
        json.CopyTo(body.AsSpan(8));
        output.Write(Frame(JournalRecordKind.Data, body));
    }

    public static byte[] Ranges(JournalRecordKind kind, IReadOnlyList<(long First, long Last)> ranges)
    {
        var body = new byte[4 + (16 * ranges.Count)];
        BinaryPrimitives.WriteInt32LittleEndian(body, ranges.Count);
        for (int i = 0; i < ranges.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(4 + (16 * i)), ranges[i].First);
            BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(12 + (16 * i)), ranges[i].Last);
        }

        return Frame(kind, body);
    }

    /// <summary>Collapses ascending sequences into inclusive ranges.</summary>
    public static List<(long First, long Last)> ToRanges(IEnumerable<long> ascending)
    {
        var ranges = new List<(long, long)>();
        long first = -1, last = -1;
        foreach (long s in ascending)
        {
            if (first >= 0 && s == last + 1)
            {
                last = s;
                continue;
            }

            if (first >= 0)
            {
                ranges.Add((first, last));
            }

            first = last = s;
        }

        if (first >= 0)
        {
            ranges.Add((first, last));
        }

        return ranges;
    }

    /// <summary>
    /// Reads the record at <paramref name="offset"/>. False when there is no complete, intact record there (truncated,
    /// bad magic, bad checksum, malformed body): the caller decides whether to resynchronize.
    /// </summary>
    public static bool TryRead(ReadOnlyMemory<byte> file, int offset, out JournalRecord record, out int length)
    {
        record = default;
        length = 0;
        var span = file.Span;
        if (span.Length - offset < HeaderSize || BinaryPrimitives.ReadUInt16LittleEndian(span[offset..]) != Magic)
        {
            return false;
        }

        var kind = (JournalRecordKind)span[offset + 2];
        uint bodyLength = BinaryPrimitives.ReadUInt32LittleEndian(span[(offset + 4)..]);
        if (bodyLength > MaxBodyBytes || span.Length - offset - HeaderSize < bodyLength)
        {
            return false;
        }

        var body = file.Slice(offset + HeaderSize, (int)bodyLength);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(span[(offset + 8)..]);
        if (crc != Checksum(kind, body.Span))
        {
            return false;
        }

        length = HeaderSize + (int)bodyLength;
        return TryReadBody(kind, body, out record);
    }

    private static bool TryReadBody(JournalRecordKind kind, ReadOnlyMemory<byte> body, out JournalRecord record)
    {
        record = default;
        var span = body.Span;
        switch (kind)
        {
            case JournalRecordKind.Header when span.Length == 8:
                record = new JournalRecord(kind, BinaryPrimitives.ReadInt64LittleEndian(span), default, []);
                return true;
            case JournalRecordKind.Data when span.Length > 8:
                record = new JournalRecord(kind, BinaryPrimitives.ReadInt64LittleEndian(span), body[8..], []);
                return true;
            case JournalRecordKind.Acknowledged or JournalRecordKind.Dropped when span.Length >= 4:
                int count = BinaryPrimitives.ReadInt32LittleEndian(span);
                if (count < 0 || span.Length != 4 + (16L * count))
                {
                    return false;
                }

                var ranges = new (long, long)[count];
                for (int i = 0; i < count; i++)
                {
                    ranges[i] = (BinaryPrimitives.ReadInt64LittleEndian(span[(4 + (16 * i))..]), BinaryPrimitives.ReadInt64LittleEndian(span[(12 + (16 * i))..]));
                }

                record = new JournalRecord(kind, 0, default, ranges);
                return true;
            default:
                return false;
        }
    }

    private static byte[] Frame(JournalRecordKind kind, ReadOnlySpan<byte> body)
    {
        var frame = new byte[HeaderSize + body.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(frame, Magic);
        frame[2] = (byte)kind;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), (uint)body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), Checksum(kind, body));
        body.CopyTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    private static uint Checksum(JournalRecordKind kind, ReadOnlySpan<byte> body)
    {
        Span<byte> prefix = stackalloc byte[5];
        prefix[0] = (byte)kind;
        BinaryPrimitives.WriteUInt32LittleEndian(prefix[1..], (uint)body.Length);
        return Crc32.Finish(Crc32.Append(Crc32.Append(Crc32.Initial, prefix), body));
    }
}
