using System.Net;
using System.Net.Sockets;
using NetControl.Probes.Bandwidth;
using NetControl.Probes.Timestamps;

namespace NetControl.Probes.Tests.Bandwidth;

public sealed class KernelReceiveTimestampSourceTests
{
    [Fact]
    public void Receive_LoopbackDatagram_StampedByTheKernelOnTheMonotonicClock()
    {
        using var receiver = Bound();
        using var sender = Bound();
        var source = new KernelReceiveTimestampSource();
        source.Configure(receiver);
        long before = MonotonicClock.NowNanoseconds();

        sender.SendTo(new byte[] { 1, 2, 3 }, receiver.LocalEndPoint!);
        var buffer = new byte[64];
        var received = source.Receive(receiver, buffer);
        long after = MonotonicClock.NowNanoseconds();

        Assert.Equal(3, received.Length);
        Assert.Equal(((IPEndPoint)sender.LocalEndPoint!).Port, received.Remote.Port);
        Assert.Equal(ReceiveTimestampClock.KernelSoTimestampNs, source.ClockFor(receiver));
        Assert.InRange(received.TimestampNanoseconds, before - 1_000_000, after);
    }

    [Fact]
    public async Task Receive_SocketClosedWhileWaiting_ThrowsObjectDisposed()
    {
        var receiver = Bound();
        var source = new KernelReceiveTimestampSource();
        source.Configure(receiver);

        var waiting = Task.Run(() => source.Receive(receiver, new byte[16]));
        await Task.Delay(100);
        receiver.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Receive_NotConfigured_Throws()
    {
        using var socket = Bound();

        Assert.Throws<InvalidOperationException>(() => new KernelReceiveTimestampSource().Receive(socket, new byte[16]));
    }

    private static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
