using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NetControl.Drivers.Tl1.Transport;

/// <summary>
/// TL1 over a plain TCP connection (IANA port 3082, Glimmerglass 10033). Nagle is off (TL1 commands are small
/// and latency matters) and TCP keep-alive is on so that a dead peer is eventually noticed even when idle.
/// </summary>
public sealed class TcpTl1Transport : ITl1Transport
{
    private static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly string _host;
    private readonly int _port;
    private readonly TimeSpan _connectTimeout;
    private readonly ILogger _logger;
    private readonly string _description;

    /// <param name="host">Host name or IP address of the network element.</param>
    /// <param name="port">TCP port of its TL1 agent.</param>
    /// <param name="connectTimeout">How long a connect may take (default 10 s); beyond it the connect fails with a transient <see cref="Tl1TransportException"/>.</param>
    /// <param name="logger">Optional logger.</param>
    public TcpTl1Transport(string host, int port, TimeSpan? connectTimeout = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        _connectTimeout = connectTimeout ?? DefaultConnectTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_connectTimeout, TimeSpan.Zero, nameof(connectTimeout));
        _host = host;
        _port = port;
        _logger = logger ?? NullLogger.Instance;
        _description = $"tcp {HostPort.Format(host, port)}";
    }

    /// <inheritdoc/>
    public string Describe() => _description;

    /// <inheritdoc/>
    public async ValueTask<ITl1Channel> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_connectTimeout);
            try
            {
                await socket.ConnectAsync(_host, _port, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new Tl1TransportException(_description, $"connect timed out after {_connectTimeout.TotalSeconds:0.###} s", isTransient: true, ex);
            }
            catch (SocketException ex)
            {
                throw Tl1TransportException.FromSocket(_description, ex);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        TransportLog.Connected(_logger, _description);
        return new SocketChannel(socket, _description, _logger);
    }

    /// <inheritdoc/>
    public override string ToString() => _description;
}
