namespace NetControl.Drivers.Snmp.Receiver;

/// <summary>Why datagrams were dropped by an <see cref="SnmpTrapReceiver"/>, counted (thread-safe).</summary>
public sealed class SnmpReceiverCounters
{
    private long _received;
    private long _malformed;
    private long _badCommunity;
    private long _unknownUser;
    private long _wrongDigest;
    private long _decryptionError;
    private long _notInTimeWindow;
    private long _unexpectedPdu;

    public long Received => Interlocked.Read(ref _received);

    public long Malformed => Interlocked.Read(ref _malformed);

    public long BadCommunity => Interlocked.Read(ref _badCommunity);

    public long UnknownUser => Interlocked.Read(ref _unknownUser);

    public long WrongDigest => Interlocked.Read(ref _wrongDigest);

    public long DecryptionError => Interlocked.Read(ref _decryptionError);

    public long NotInTimeWindow => Interlocked.Read(ref _notInTimeWindow);

    public long UnexpectedPdu => Interlocked.Read(ref _unexpectedPdu);

    public long Dropped => Malformed + BadCommunity + UnknownUser + WrongDigest + DecryptionError + NotInTimeWindow + UnexpectedPdu;

    internal void CountReceived() => Interlocked.Increment(ref _received);

    internal void Count(SnmpDropReason reason)
    {
        switch (reason)
        {
            case SnmpDropReason.Malformed: Interlocked.Increment(ref _malformed); break;
            case SnmpDropReason.BadCommunity: Interlocked.Increment(ref _badCommunity); break;
            case SnmpDropReason.UnknownUser: Interlocked.Increment(ref _unknownUser); break;
            case SnmpDropReason.WrongDigest: Interlocked.Increment(ref _wrongDigest); break;
            case SnmpDropReason.DecryptionError: Interlocked.Increment(ref _decryptionError); break;
            case SnmpDropReason.NotInTimeWindow: Interlocked.Increment(ref _notInTimeWindow); break;
            default: Interlocked.Increment(ref _unexpectedPdu); break;
        }
    }
}
