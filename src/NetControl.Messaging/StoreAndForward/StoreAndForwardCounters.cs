namespace NetControl.Messaging.StoreAndForward;

/// <summary>What the store-and-forward queue did since it opened (thread-safe reads).</summary>
public sealed class StoreAndForwardCounters
{
    private long _journaled;
    private long _acknowledged;
    private long _dropped;
    private long _recovered;
    private long _corruptRegions;
    private long _skippedBytes;
    private long _compactions;

    /// <summary>Summaries appended to the journal.</summary>
    public long Journaled => Interlocked.Read(ref _journaled);

    /// <summary>Summaries removed after the broker's PUBACK.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Summaries dropped by the size bound (oldest first), never delivered.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Unacknowledged summaries found in the journal at open (to resend).</summary>
    public long Recovered => Interlocked.Read(ref _recovered);

    /// <summary>Damaged journal regions skipped at open.</summary>
    public long CorruptRegions => Interlocked.Read(ref _corruptRegions);

    /// <summary>Bytes in those regions.</summary>
    public long SkippedBytes => Interlocked.Read(ref _skippedBytes);

    public long Compactions => Interlocked.Read(ref _compactions);

    internal void AddJournaled(long n) => Interlocked.Add(ref _journaled, n);

    internal void AddAcknowledged(long n) => Interlocked.Add(ref _acknowledged, n);

    internal void AddDropped(long n) => Interlocked.Add(ref _dropped, n);

    internal void AddRecovered(long n) => Interlocked.Add(ref _recovered, n);

    internal void AddCorrupt(long bytes)
    {
        Interlocked.Increment(ref _corruptRegions);
        Interlocked.Add(ref _skippedBytes, bytes);
    }

    internal void AddCompaction() => Interlocked.Increment(ref _compactions);
}
