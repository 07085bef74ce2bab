using System.Net;
using System.Net.Sockets;

namespace NetControl.Drivers.Tl1.Tests.Transport;

/// <summary>
/// A loopback port whose connects hang: a listener with backlog 0 that never accepts, its accept queue filled
/// by one connection. Linux then drops further SYNs (it does not refuse them), so a connect waits for SYN
/// retransmissions, deterministically and without leaving the machine.
/// </summary>
internal sealed class FullBacklog : IDisposable
{
    private readonly Socket _listener;
    private readonly Socket _filler;

    private FullBacklog(Socket listener, Socket filler, int port)
    {
        _listener = listener;
        _filler = filler;
        Port = port;
    }

    public int Port { get; }

    public static FullBacklog Create()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;
        var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        filler.Connect(endpoint);
        return new FullBacklog(listener, filler, endpoint.Port);
    }

    public void Dispose()
    {
        _filler.Dispose();
        _listener.Dispose();
    }
}
