using Microsoft.Extensions.Logging;

namespace NetControl.Messaging.StoreAndForward;

/// <summary>
/// The append-only journal file (<see cref="JournalFormat"/>). Opening replays it: data records minus
/// acknowledged and dropped ranges are what is still owed to the broker; damaged regions are skipped (resynchronizing
/// on the next intact record), counted and logged; the file is then rewritten compactly. Not thread-safe: the
/// queue serializes calls.
/// </summary>
internal sealed class SummaryJournal : IDisposable
{
    public const string FileName = "summaries.journal";

    private readonly string _path;
    private readonly bool _fsync;
    private readonly ILogger _logger;
    private readonly StoreAndForwardCounters _counters;
    private FileStream _stream;

    private SummaryJournal(string path, bool fsync, ILogger logger, StoreAndForwardCounters counters, FileStream stream)
    {
        _path = path;
        _fsync = fsync;
        _logger = logger;
        _counters = counters;
        _stream = stream;
    }

    public string Path => _path;

    public long Length => _stream.Length;

    public static SummaryJournal Open(string directory, bool fsync, ILogger logger, StoreAndForwardCounters counters, out JournalContents contents)
    {
        System.IO.Directory.CreateDirectory(directory);
        string path = System.IO.Path.Combine(directory, FileName);
        byte[] file = File.Exists(path) ? File.ReadAllBytes(path) : [];
        contents = Replay(file, path, logger, counters);
        var journal = new SummaryJournal(path, fsync, logger, counters, OpenAppend(path));
        journal.Rewrite(contents.Pending, contents.NextSequence);
        return journal;
    }

    /// <summary>Appends data records and makes them durable (fsync or OS flush per options).</summary>
    public void AppendData(IReadOnlyList<PendingSummary> summaries)
    {
        foreach (var s in summaries)
        {
            JournalFormat.WriteData(_stream, s.Sequence, s.Json);
        }

        _stream.Flush(_fsync);
    }

    /// <summary>Appends an acknowledged or dropped record; flushed to the OS (a lost one only causes a resend).</summary>
    public void AppendRemoval(JournalRecordKind kind, IEnumerable<long> ascendingSequences)
    {
        var ranges = JournalFormat.ToRanges(ascendingSequences);
        if (ranges.Count == 0)
        {
            return;
        }

        _stream.Write(JournalFormat.Ranges(kind, ranges));
        _stream.Flush(flushToDisk: false);
    }

    /// <summary>Replaces the file with a header and the live summaries (write aside, fsync, rename).</summary>
    public void Rewrite(IEnumerable<PendingSummary> live, long nextSequence)
    {
        string temporary = _path + ".compact";
        int count = 0;
        using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            output.Write(JournalFormat.Header(nextSequence));
            foreach (var s in live)
            {
                JournalFormat.WriteData(output, s.Sequence, s.Json);
                count++;
            }

            output.Flush(flushToDisk: true);
        }

        _stream.Dispose();
        File.Move(temporary, _path, overwrite: true);
        _stream = OpenAppend(_path);
        _counters.AddCompaction();
        StoreAndForwardLog.Compacted(_logger, _path, count);
    }

    public void Dispose() => _stream.Dispose();

    private static FileStream OpenAppend(string path) =>
        new(path, FileMode.Append, FileAccess.Write, FileShare.Read, 64 * 1024);

    private static JournalContents Replay(byte[] file, string path, ILogger logger, StoreAndForwardCounters counters)
    {
        var data = new SortedDictionary<long, byte[]>();
        long next = 1;
        int offset = 0;
        var memory = file.AsMemory();
        while (offset < file.Length)
        {
            if (JournalFormat.TryRead(memory, offset, out var record, out int length))
            {
                Apply(record, data, ref next);
                offset += length;
                continue;
            }

            int resume = Resynchronize(memory, offset + 1);
            counters.AddCorrupt(resume - offset);
            StoreAndForwardLog.Corrupt(logger, path, offset, resume - offset);
            offset = resume;
        }

        var pending = data.Select(kv => new PendingSummary(kv.Key, kv.Value)).ToList();
        if (pending.Count > 0)
        {
            next = Math.Max(next, pending[^1].Sequence + 1);
        }

        counters.AddRecovered(pending.Count);
        StoreAndForwardLog.Opened(logger, path, pending.Count, next);
        return new JournalContents(pending, next);
    }

    private static void Apply(JournalRecord record, SortedDictionary<long, byte[]> data, ref long next)
    {
        switch (record.Kind)
        {
            case JournalRecordKind.Header:
                next = Math.Max(next, record.Sequence);
                break;
            case JournalRecordKind.Data:
                data[record.Sequence] = record.Payload.ToArray();
                next = Math.Max(next, record.Sequence + 1);
                break;
            default:
                foreach (var (first, last) in record.Ranges)
                {
                    if (last - first < data.Count)
                    {
                        for (long s = first; s <= last; s++)
                        {
                            data.Remove(s);
                        }
                    }
                    else
                    {
                        foreach (long s in data.Keys.Where(k => k >= first && k <= last).ToList())
                        {
                            data.Remove(s);
                        }
                    }
                }

                break;
        }
    }

    /// <summary>The next offset at or after <paramref name="from"/> where an intact record starts, or the end.</summary>
    private static int Resynchronize(ReadOnlyMemory<byte> file, int from)
    {
        for (int o = from; o < file.Length; o++)
        {
            if (JournalFormat.TryRead(file, o, out _, out _))
            {
                return o;
            }
        }

        return file.Length;
    }
}
