namespace NetControl.Drivers.Snmp.Receiver;

/// <summary>Datagrams received by an <see cref="SnmpTrapReceiver"/>, why some were dropped, and failed inform acknowledgements (thread-safe).</summary>
public sealed class SnmpReceiverCounters
{
    private readonly long[] _dropped = new long[Enum.GetValues<SnmpDropReason>().Length];
    private long _received;
    private long _ackFailures;

    public long Received => Interlocked.Read(ref _received);

    public long Malformed => Of(SnmpDropReason.Malformed);

    public long BadCommunity => Of(SnmpDropReason.BadCommunity);

    public long UnknownUser => Of(SnmpDropReason.UnknownUser);

    public long WrongDigest => Of(SnmpDropReason.WrongDigest);

    public long DecryptionError => Of(SnmpDropReason.DecryptionError);

    public long NotInTimeWindow => Of(SnmpDropReason.NotInTimeWindow);

    public long UnexpectedPdu => Of(SnmpDropReason.UnexpectedPdu);

    public long UnsupportedSecurityLevel => Of(SnmpDropReason.UnsupportedSecurityLevel);

    public long BelowConfiguredSecurityLevel => Of(SnmpDropReason.BelowConfiguredSecurityLevel);

    public long HandlerFailed => Of(SnmpDropReason.HandlerFailed);

    /// <summary>Informs delivered whose acknowledgement (Response) could not be sent; the sender will retry them.</summary>
    public long AckFailures => Interlocked.Read(ref _ackFailures);

    /// <summary>Every datagram dropped, whatever the reason.</summary>
    public long Dropped => Enum.GetValues<SnmpDropReason>().Sum(Of);

    /// <summary>Datagrams dropped for <paramref name="reason"/>.</summary>
    public long Of(SnmpDropReason reason) => Interlocked.Read(ref _dropped[(int)reason]);

    internal void CountReceived() => Interlocked.Increment(ref _received);

    internal void CountAckFailure() => Interlocked.Increment(ref _ackFailures);

    internal void Count(SnmpDropReason reason) => Interlocked.Increment(ref _dropped[(int)reason]);
}
