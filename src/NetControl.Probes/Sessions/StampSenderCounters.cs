namespace NetControl.Probes.Sessions;

/// <summary>Totals of a <see cref="StampSessionSender"/> over its whole session (thread-safe).</summary>
public sealed class StampSenderCounters
{
    private long _sent;
    private long _sendErrors;
    private long _matched;
    private long _duplicates;
    private long _late;
    private long _malformed;
    private long _ignored;

    /// <summary>Test packets sent (including those the socket refused, which end up lost).</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Sends the socket refused.</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);

    /// <summary>Replies matched to an outstanding packet within Tmax.</summary>
    public long Matched => Interlocked.Read(ref _matched);

    /// <summary>Duplicate replies.</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Replies that came after Tmax (their packets count as lost).</summary>
    public long Late => Interlocked.Read(ref _late);

    /// <summary>Datagrams that are not STAMP reflector packets.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Well-formed datagrams not for this session (wrong source, SSID, or unknown sequence number / T1).</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    internal void CountSent() => Interlocked.Increment(ref _sent);

    internal void CountSendError() => Interlocked.Increment(ref _sendErrors);

    internal void CountMalformed() => Interlocked.Increment(ref _malformed);

    internal void CountIgnored() => Interlocked.Increment(ref _ignored);

    internal void Count(ReplyOutcome outcome)
    {
        switch (outcome)
        {
            case ReplyOutcome.Matched: Interlocked.Increment(ref _matched); break;
            case ReplyOutcome.Duplicate: Interlocked.Increment(ref _duplicates); break;
            case ReplyOutcome.Late: Interlocked.Increment(ref _late); break;
            default: Interlocked.Increment(ref _ignored); break;
        }
    }
}
