namespace NetControl.Probes.Sessions;

/// <summary>What a <see cref="StampReflector"/> has done so far (thread-safe).</summary>
public sealed class StampReflectorCounters
{
    private long _received;
    private long _reflected;
    private long _malformed;
    private long _sendErrors;

    /// <summary>Datagrams taken from the socket.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Replies sent.</summary>
    public long Reflected => Interlocked.Read(ref _reflected);

    /// <summary>Datagrams dropped because they are not STAMP test packets (too short).</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Replies the socket refused to send.</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);

    internal void CountReceived() => Interlocked.Increment(ref _received);

    internal void CountReflected() => Interlocked.Increment(ref _reflected);

    internal void CountMalformed() => Interlocked.Increment(ref _malformed);

    internal void CountSendError() => Interlocked.Increment(ref _sendErrors);
}
