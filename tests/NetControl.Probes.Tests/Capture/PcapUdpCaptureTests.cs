using System.Net;
using System.Net.Sockets;
using NetControl.Probes.Capture;
using NetControl.Probes.Timestamps;
using Xunit.Abstractions;

namespace NetControl.Probes.Tests.Capture;

/// <summary>The capture component on the real loopback device (needs root and libpcap, as in CI).</summary>
public sealed class PcapUdpCaptureTests(ITestOutputHelper output)
{
    [Fact]
    public void TryOpen_LoopbackSocket_OpensLoopbackDeviceWithFilterAndNanoseconds()
    {
        using var socket = PcapTestSupport.BoundLoopback();

        using var capture = PcapTestSupport.OpenCapture(socket);

        output.WriteLine($"{capture.DeviceName} '{capture.Filter}' nanoseconds={capture.NanosecondResolution}");
        Assert.Equal("lo", capture.DeviceName);
        Assert.Equal($"udp and dst port {((IPEndPoint)socket.LocalEndPoint!).Port} and dst host 127.0.0.1", capture.Filter);
        Assert.True(capture.NanosecondResolution);
        Assert.True(capture.IsRunning);
    }

    [Fact]
    public void TryTakeTimestamp_DatagramSentOnLoopback_ReturnsCaptureTimeBeforeTheSocketDeliveredIt()
    {
        using var receiver = PcapTestSupport.BoundLoopback();
        using var sender = PcapTestSupport.BoundLoopback();
        using var capture = PcapTestSupport.OpenCapture(receiver);
        long before = RealtimeClock.UnixNanoseconds();

        sender.SendTo("NCBW-capture-test"u8.ToArray(), receiver.LocalEndPoint!);
        var buffer = new byte[64];
        int length = receiver.Receive(buffer);
        long after = RealtimeClock.UnixNanoseconds();

        Assert.True(capture.TryTakeTimestamp((IPEndPoint)sender.LocalEndPoint!, length, buffer.AsSpan(0, length), TimeSpan.FromSeconds(2), out long stamp));
        Assert.InRange(stamp, before - 1_000_000, after);
        Assert.False(capture.TryTakeTimestamp((IPEndPoint)sender.LocalEndPoint!, length, buffer.AsSpan(0, length), TimeSpan.Zero, out _)); // handed out once
        Assert.Equal(1, capture.Captured);
    }

    [Theory]
    [InlineData("0.0.0.0", "127.0.0.1", "any")] // Linux cooked capture
    [InlineData("::1", "::1", "lo")]
    public void TryTakeTimestamp_OtherAddressFamiliesAndDevices_Found(string bind, string target, string device)
    {
        var family = IPAddress.Parse(bind).AddressFamily;
        using var receiver = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Parse(bind), 0));
        using var sender = new Socket(IPAddress.Parse(target).AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Parse(target), 0));
        using var capture = PcapTestSupport.OpenCapture(receiver);

        sender.SendTo("cooked or not"u8.ToArray(), new IPEndPoint(IPAddress.Parse(target), ((IPEndPoint)receiver.LocalEndPoint!).Port));
        var buffer = new byte[64];
        EndPoint from = new IPEndPoint(family == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
        int length = receiver.ReceiveFrom(buffer, ref from);

        Assert.Equal(device, capture.DeviceName);
        Assert.True(capture.TryTakeTimestamp((IPEndPoint)from, length, buffer.AsSpan(0, length), TimeSpan.FromSeconds(2), out _), $"not captured ({capture.Unparsed} unparsed frames)");
    }

    [Fact]
    public void TryTakeTimestamp_OtherSender_NotFound()
    {
        using var receiver = PcapTestSupport.BoundLoopback();
        using var sender = PcapTestSupport.BoundLoopback();
        using var stranger = PcapTestSupport.BoundLoopback();
        using var capture = PcapTestSupport.OpenCapture(receiver);

        sender.SendTo(new byte[] { 1, 2, 3, 4 }, receiver.LocalEndPoint!);
        receiver.Receive(new byte[16]);

        Assert.False(capture.TryTakeTimestamp((IPEndPoint)stranger.LocalEndPoint!, 4, [1, 2, 3, 4], TimeSpan.FromMilliseconds(200), out _));
    }

    [Fact]
    public void TryOpen_UnknownDevice_FalseWithReason()
    {
        using var socket = PcapTestSupport.BoundLoopback();

        bool opened = UdpCapture.TryOpen((IPEndPoint)socket.LocalEndPoint!, new UdpCaptureOptions { DeviceName = "nc-no-such-device" }, out var capture, out var failure);

        Assert.False(opened);
        Assert.Null(capture);
        Assert.Contains("nc-no-such-device", failure);
    }

    [Fact]
    public void Dispose_RunningCapture_StopsItsThread()
    {
        using var socket = PcapTestSupport.BoundLoopback();
        var capture = PcapTestSupport.OpenCapture(socket);

        capture.Dispose();

        Assert.False(capture.IsRunning);
        capture.Dispose(); // idempotent
    }

    [Theory]
    [InlineData("127.0.0.1", 5000, "udp and dst port 5000 and dst host 127.0.0.1")]
    [InlineData("0.0.0.0", 5000, "udp and dst port 5000")]
    [InlineData("::", 6000, "udp and dst port 6000")]
    [InlineData("::ffff:10.1.2.3", 7000, "udp and dst port 7000 and dst host 10.1.2.3")]
    [InlineData("fe80::1%2", 7000, "udp and dst port 7000 and dst host fe80::1")]
    public void BuildFilter_LocalEndpoint_UdpDestinationPortAndHost(string address, int port, string expected)
    {
        Assert.Equal(expected, UdpCapture.BuildFilter(new IPEndPoint(IPAddress.Parse(address), port)));
    }
}
