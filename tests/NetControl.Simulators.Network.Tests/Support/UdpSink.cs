using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetControl.Simulators.Network.Tests.Support;

/// <summary>
/// A loopback UDP receiver on a dedicated thread. Datagrams start with Seq(4) SendTick(8); it records the sequence,
/// the one-way time (receive tick - send tick) and the size. With <c>echo</c> it sends each datagram back instead.
/// </summary>
internal sealed class UdpSink : IDisposable
{
    private readonly Socket _socket;
    private readonly Thread _thread;
    private readonly bool _echo;
    private readonly List<(int Seq, long OneWayTicks, int Length, long ReceiveTick)> _received = [];
    private volatile bool _stopping;

    public UdpSink(bool echo = false)
    {
        _echo = echo;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 100, ReceiveBufferSize = 8 << 20 };
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        EndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _thread = new Thread(Run) { IsBackground = true };
        _thread.Start();
    }

    public IPEndPoint EndPoint { get; }

    public List<(int Seq, long OneWayTicks, int Length, long ReceiveTick)> Snapshot()
    {
        lock (_received)
        {
            return [.. _received];
        }
    }

    public int Count
    {
        get
        {
            lock (_received)
            {
                return _received.Count;
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
        _socket.Dispose();
    }

    private void Run()
    {
        var buffer = new byte[65536];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        while (!_stopping)
        {
            int n;
            try
            {
                n = _socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (SocketException)
            {
                continue;
            }

            var now = Stopwatch.GetTimestamp();
            if (_echo)
            {
                _socket.SendTo(buffer.AsSpan(0, n), SocketFlags.None, from);
                continue;
            }

            if (n < 12)
            {
                continue;
            }

            var seq = BinaryPrimitives.ReadInt32BigEndian(buffer);
            var sent = BinaryPrimitives.ReadInt64BigEndian(buffer.AsSpan(4));
            lock (_received)
            {
                _received.Add((seq, now - sent, n, now));
            }
        }
    }
}
