using System.Net;
using System.Net.Sockets;
using NetControl.Probes.Timestamps;

namespace NetControl.Probes.Tests.Timestamps;

public sealed class DatagramReceiverTests
{
    [Fact]
    public void TryReceive_Datagram_StampedNowWithSourceAndTtl()
    {
        using var receiving = Bound();
        using var sending = Bound();
        sending.Ttl = 33;
        var receiver = new DatagramReceiver(receiving, kernelTimestamps: true, receiveTtl: true);
        var before = RealtimeClock.UnixNanoseconds();
        sending.SendTo(new byte[] { 1, 2, 3 }, receiving.LocalEndPoint!);

        var buffer = new byte[64];
        Assert.True(receiver.TryReceive(buffer, TimeSpan.FromSeconds(30), out var datagram));
        var after = RealtimeClock.UnixNanoseconds();

        Assert.Equal(3, datagram.Length);
        Assert.Equal(sending.LocalEndPoint, datagram.Remote);
        Assert.InRange(datagram.ReceivedAtUnixNanoseconds, before, after);
        Assert.Equal(receiver.Clock, datagram.Clock);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(ReceiveClock.Kernel, datagram.Clock);
            Assert.Equal((byte)33, datagram.Ttl);
        }
    }

    [Fact]
    public void TryReceive_NothingSent_ReturnsFalseAfterTimeout()
    {
        using var receiving = Bound();
        var receiver = new DatagramReceiver(receiving);

        Assert.False(receiver.TryReceive(new byte[64], TimeSpan.FromMilliseconds(10), out _));
    }

    [Fact]
    public void TryReceive_KernelTimestampsOff_UsesUserSpaceClock()
    {
        using var receiving = Bound();
        using var sending = Bound();
        var receiver = new DatagramReceiver(receiving, kernelTimestamps: false);
        sending.SendTo(new byte[] { 9 }, receiving.LocalEndPoint!);

        Assert.True(receiver.TryReceive(new byte[64], TimeSpan.FromSeconds(30), out var datagram));

        Assert.Equal(ReceiveClock.UserSpace, datagram.Clock);
        Assert.False(receiver.KernelTimestamps);
    }

    private static Socket Bound()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}
