namespace NetControl.Drivers.Tl1.Transport;

/// <summary>
/// A way to reach one TL1 network element (raw TCP, SSH). It only opens byte channels: framing, CTAGs and
/// correlation belong to the session on top. Implementations are immutable and may be connected many times
/// (a session reconnects through the same transport).
/// </summary>
public interface ITl1Transport
{
    /// <summary>Where this transport goes, for logs and error messages, e.g. <c>tcp 127.0.0.1:10033</c>.</summary>
    string Describe();

    /// <summary>
    /// Opens a new channel. Fails with <see cref="Tl1TransportException"/> (refused, timed out, authentication
    /// failed...) or <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is
    /// cancelled; never returns a half-open channel.
    /// </summary>
    ValueTask<ITl1Channel> ConnectAsync(CancellationToken cancellationToken);
}
