using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace NetControl.Drivers.Tl1.Transport;

/// <summary>
/// A TL1 channel carried by an SSH "direct-tcpip" channel: one SSH connection, one local forwarding port on
/// 127.0.0.1 with an ephemeral port, and one loopback socket into it, whose bytes SSH.NET relays to the SSH
/// server, which connects to the TL1 target. The channel owns all three and closes them on dispose.
/// </summary>
internal sealed class SshTl1Channel : ITl1Channel
{
    private readonly SshClient _client;
    private readonly ForwardedPortLocal _forward;
    private readonly ForwardingMonitor _monitor;
    private readonly IReadOnlyList<IDisposable> _owned;
    private readonly SocketChannel _inner;
    private readonly string _where;
    private readonly ILogger _logger;
    private int _disposed;

    private SshTl1Channel(
        SshClient client, ForwardedPortLocal forward, ForwardingMonitor monitor, IReadOnlyList<IDisposable> owned, SocketChannel inner, string where, ILogger logger)
    {
        _client = client;
        _forward = forward;
        _monitor = monitor;
        _owned = owned;
        _inner = inner;
        _where = where;
        _logger = logger;
    }

    public PipeReader Input => _inner.Input;

    public PipeWriter Output => _inner.Output;

    /// <summary>The loopback port SSH.NET listens on for this channel (tests probe it).</summary>
    internal int ForwardingPort => (int)_forward.BoundPort;

    /// <summary>
    /// Opens the forwarding over an authenticated <paramref name="client"/>. On success the channel owns
    /// <paramref name="client"/> and <paramref name="owned"/>; on failure the caller still does.
    /// </summary>
    public static async ValueTask<SshTl1Channel> OpenAsync(
        SshClient client, IReadOnlyList<IDisposable> owned, string targetHost, int targetPort, string where, ILogger logger, CancellationToken cancellationToken)
    {
        var monitor = new ForwardingMonitor(where, logger);
        client.ErrorOccurred += monitor.OnError;
        var forward = new ForwardedPortLocal(IPAddress.Loopback.ToString(), 0, targetHost, (uint)targetPort);
        forward.RequestReceived += monitor.OnRequestReceived;
        forward.Exception += monitor.OnError;
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            client.AddForwardedPort(forward);
            forward.Start();

            // Bind first so that the forwarding port can tell this socket from any other local client.
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            monitor.OwnPort = ((IPEndPoint)socket.LocalEndPoint!).Port;
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, (int)forward.BoundPort), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            socket.Dispose();
            StopQuietly(forward);
            forward.Dispose();
            client.ErrorOccurred -= monitor.OnError;
            if (ex is OperationCanceledException)
            {
                throw;
            }

            throw ex is SocketException socketError
                ? Tl1TransportException.FromSocket(where, socketError)
                : new Tl1TransportException(where, $"cannot open SSH port forwarding: {ex.Message}", isTransient: true, ex);
        }

        return new SshTl1Channel(client, forward, monitor, owned, new SocketChannel(socket, where, logger, monitor.BreakReason), where, logger);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Half-closing the socket ends SSH.NET's relay loop once it has relayed everything; it then closes the SSH
        // channel and its end of the socket. Stopping the port earlier would discard data still in its socket.
        await _inner.CloseOutputAsync(awaitPeerClose: true, SocketChannel.DrainTimeout).ConfigureAwait(false);
        await _inner.DisposeAsync().ConfigureAwait(false);

        // SSH.NET's teardown blocks, and after the connection failed it can wait out the whole
        // ConnectionInfo.Timeout (its forwarding port and session wait for each other). The socket is closed
        // already, so a teardown that is slow, or will be because SSH.NET reported a failure, finishes in the
        // background.
        var teardown = Task.Run(Teardown);
        if (_monitor.Failure is not null)
        {
            TransportLog.SlowSshTeardown(_logger, _where);
            return;
        }

        try
        {
            await teardown.WaitAsync(SocketChannel.DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            TransportLog.SlowSshTeardown(_logger, _where);
        }
    }

    private void Teardown()
    {
        try
        {
            _client.ErrorOccurred -= _monitor.OnError;
            StopQuietly(_forward);
            _forward.Dispose();
            _client.Dispose();
            foreach (var item in _owned)
            {
                item.Dispose();
            }
        }
        catch (Exception ex)
        {
            // Runs unobserved in the background when slow: report, never throw.
            TransportLog.SshError(_logger, _where, Tl1TransportException.OneLine(ex.Message));
        }
    }

    private static void StopQuietly(ForwardedPort forward)
    {
        try
        {
            forward.Stop();
        }
        catch (Exception ex) when (ex is SshException or ObjectDisposedException or InvalidOperationException or SocketException)
        {
            // The SSH connection is already gone; nothing is left to stop.
        }
    }
}
