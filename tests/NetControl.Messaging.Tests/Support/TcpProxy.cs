using System.Net;
using System.Net.Sockets;

namespace NetControl.Messaging.Tests.Support;

/// <summary>
/// A loopback TCP forwarder between a client and a broker; <see cref="AbortAll"/> resets every connection (RST, no
/// MQTT DISCONNECT) and stops accepting, which is what a crashed agent or a cut cable looks like to the broker.
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly List<Socket> _sockets = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accept;

    public TcpProxy(IPEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accept = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void AbortAll()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_sockets)
        {
            foreach (var s in _sockets)
            {
                try
                {
                    s.LingerState = new LingerOption(true, 0);
                    s.Close(0);
                }
                catch (ObjectDisposedException)
                {
                }
            }

            _sockets.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        AbortAll();
        await _accept.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await upstream.ConnectAsync(_target);
            lock (_sockets)
            {
                _sockets.Add(client);
                _sockets.Add(upstream);
            }

            _ = PipeAsync(client, upstream);
            _ = PipeAsync(upstream, client);
        }
    }

    private static async Task PipeAsync(Socket from, Socket to)
    {
        var buffer = new byte[16384];
        try
        {
            while (true)
            {
                int n = await from.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }
}
