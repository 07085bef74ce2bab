using System.Net;
using System.Net.Sockets;

namespace NetControl.Probes.Tests.Sessions;

/// <summary>A loopback UDP relay between one client and a server that drops every Nth server-to-client datagram.</summary>
internal sealed class DroppingUdpRelay : IAsyncDisposable
{
    private readonly Socket _front = Bound();
    private readonly Socket _back = Bound();
    private readonly IPEndPoint _server;
    private readonly int _dropEvery;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loops;
    private IPEndPoint? _client;
    private int _replies;
    private int _dropped;

    public DroppingUdpRelay(IPEndPoint server, int dropEvery)
    {
        _server = server;
        _dropEvery = dropEvery;
        _loops = Task.WhenAll(ForwardAsync(), ReturnAsync());
    }

    /// <summary>Where the client sends.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_front.LocalEndPoint!;

    public int Dropped => Volatile.Read(ref _dropped);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _front.Dispose();
        _back.Dispose();
        await _loops.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private async Task ForwardAsync()
    {
        var buffer = new byte[65_536];
        while (!_stop.IsCancellationRequested)
        {
            var received = await _front.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            _client = (IPEndPoint)received.RemoteEndPoint;
            await _back.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), _server, _stop.Token);
        }
    }

    private async Task ReturnAsync()
    {
        var buffer = new byte[65_536];
        while (!_stop.IsCancellationRequested)
        {
            var received = await _back.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            if (++_replies % _dropEvery == 0)
            {
                Interlocked.Increment(ref _dropped);
                continue;
            }

            await _front.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), _client!, _stop.Token);
        }
    }
}
