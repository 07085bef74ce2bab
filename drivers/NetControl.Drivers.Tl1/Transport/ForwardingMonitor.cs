using Microsoft.Extensions.Logging;
using Renci.SshNet.Common;

namespace NetControl.Drivers.Tl1.Transport;

/// <summary>
/// Watches one SSH connection and its local forwarding port on behalf of a single <see cref="SshTl1Channel"/>:
/// records the first SSH failure (so the channel's input can fault with the reason instead of just ending) and
/// refuses connections to the loopback forwarding port that are not the channel's own socket.
/// </summary>
internal sealed class ForwardingMonitor(string where, ILogger logger)
{
    private Exception? _failure;
    private int _ownPort;

    /// <summary>The local port of the channel's own socket; connections from any other port are refused.</summary>
    public int OwnPort
    {
        get => Volatile.Read(ref _ownPort);
        set => Volatile.Write(ref _ownPort, value);
    }

    /// <summary>The first failure SSH.NET reported for the connection or the forwarding, or null.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>
    /// Raised by SSH.NET before it opens the direct-tcpip channel for an accepted connection. SSH.NET closes a
    /// connection whose handler throws, which is how foreign local clients are turned away.
    /// </summary>
    public void OnRequestReceived(object? sender, PortForwardEventArgs e)
    {
        if (e.OriginatorPort != (uint)OwnPort)
        {
            TransportLog.ForeignForwardingClient(logger, where, HostPort.Format(e.OriginatorHost, (int)e.OriginatorPort));
            throw new ForeignClientRejectedException();
        }
    }

    public void OnError(object? sender, ExceptionEventArgs e)
    {
        if (e.Exception is ForeignClientRejectedException)
        {
            return;
        }

        TransportLog.SshError(logger, where, Tl1TransportException.OneLine(e.Exception.Message));
        Interlocked.CompareExchange(ref _failure, e.Exception, null);
    }

    /// <summary>Why the channel's socket ended, when SSH.NET said so.</summary>
    public Exception? BreakReason() => Failure is { } failure
        ? new Tl1TransportException(where, $"ssh: {failure.Message}", isTransient: true, failure)
        : null;

    private sealed class ForeignClientRejectedException() : Exception("not this channel's connection");
}
