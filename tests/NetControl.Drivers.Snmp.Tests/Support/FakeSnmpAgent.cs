using System.Net;
using System.Net.Sockets;

namespace NetControl.Drivers.Snmp.Tests.Support;

/// <summary>
/// A scripted SNMP peer on a loopback UDP port: every datagram received goes to the reply function with its number
/// (1 for the first) and its sender, and the datagrams it returns are sent back to the sender in order, from this socket. Lets a
/// test answer with exactly the bytes it wants (malformed, duplicated, late, or nothing).
/// </summary>
internal sealed class FakeSnmpAgent : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Func<int, byte[], IPEndPoint, IReadOnlyList<byte[]>> _reply;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _received;

    public FakeSnmpAgent(Func<int, byte[], IPEndPoint, IReadOnlyList<byte[]>> reply)
    {
        _reply = reply;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _loop = Task.Run(LoopAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Datagrams received so far.</summary>
    public int Received => Volatile.Read(ref _received);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            int number = Interlocked.Increment(ref _received);
            foreach (var datagram in _reply(number, buffer[..received.ReceivedBytes], (IPEndPoint)received.RemoteEndPoint))
            {
                await _socket.SendToAsync(datagram, SocketFlags.None, received.RemoteEndPoint, _stop.Token);
            }
        }
    }
}
