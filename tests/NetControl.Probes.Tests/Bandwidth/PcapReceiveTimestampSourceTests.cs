using System.Net;
using System.Net.Sockets;
using NetControl.Probes.Bandwidth;
using NetControl.Probes.Capture;
using NetControl.Probes.Tests.Capture;
using NetControl.Probes.Timestamps;
using Xunit.Abstractions;

namespace NetControl.Probes.Tests.Bandwidth;

/// <summary>
/// The pcap receive-timestamp source on loopback (needs root and libpcap, as in CI; without them the tests fail and
/// say so). Timing-sensitive, so it runs alone like the other real-socket bandwidth tests.
/// </summary>
[Collection(LoopbackCollection.Name)]
public sealed class PcapReceiveTimestampSourceTests(ITestOutputHelper output)
{
    private static readonly UdpStreamProberOptions Fast = new() { DrainWait = TimeSpan.FromMilliseconds(2), ReportTimeout = TimeSpan.FromMilliseconds(300) };

    [Fact]
    public void Receive_LoopbackDatagrams_MatchedInOrderOnTheMonotonicClock()
    {
        using var receiver = PcapTestSupport.BoundLoopback();
        using var sender = PcapTestSupport.BoundLoopback();
        using var source = new PcapReceiveTimestampSource();
        source.Configure(receiver);
        Assert.True(source.ClockFor(receiver) == ReceiveTimestampClock.Pcap, $"pcap capture did not open (needs libpcap and root): {source.FailureFor(receiver)}");

        var buffer = new byte[64];
        long previous = long.MinValue;
        for (int seq = 0; seq < 50; seq++)
        {
            long before = MonotonicClock.NowNanoseconds();
            sender.SendTo(BitConverter.GetBytes(seq), receiver.LocalEndPoint!);
            var received = source.Receive(receiver, buffer);
            long after = MonotonicClock.NowNanoseconds();

            Assert.Equal(4, received.Length);
            Assert.Equal(seq, BitConverter.ToInt32(buffer));
            Assert.Equal(((IPEndPoint)sender.LocalEndPoint!).Port, received.Remote.Port);
            Assert.InRange(received.TimestampNanoseconds, before - 2_000_000, after);
            Assert.True(received.TimestampNanoseconds > previous, $"datagram {seq} stamped before its predecessor");
            previous = received.TimestampNanoseconds;
        }

        Assert.Equal(50, source.Matched);
        Assert.Equal(0, source.Fallbacks);
        Assert.Equal(ReceiveTimestampClock.Pcap, source.Clock);
    }

    [Fact]
    public void Receive_CaptureCannotOpen_FallsBackToUserSpaceAndSaysSo()
    {
        using var receiver = PcapTestSupport.BoundLoopback();
        using var sender = PcapTestSupport.BoundLoopback();
        using var source = new PcapReceiveTimestampSource(new UdpCaptureOptions { DeviceName = "nc-no-such-device" });
        source.Configure(receiver);
        long before = MonotonicClock.NowNanoseconds();

        sender.SendTo(new byte[] { 1, 2, 3 }, receiver.LocalEndPoint!);
        var received = source.Receive(receiver, new byte[16]);

        Assert.Equal(3, received.Length);
        Assert.InRange(received.TimestampNanoseconds, before, MonotonicClock.NowNanoseconds());
        Assert.Equal(ReceiveTimestampClock.UserSpaceStopwatch, source.ClockFor(receiver));
        Assert.Equal(ReceiveTimestampClock.UserSpaceStopwatch, source.Clock);
        Assert.Contains("nc-no-such-device", source.FailureFor(receiver));
        Assert.Equal(0, source.Matched);
        Assert.Null(source.CaptureFor(receiver));
    }

    [Fact]
    public void Receive_NotConfigured_Throws()
    {
        using var socket = PcapTestSupport.BoundLoopback();
        using var source = new PcapReceiveTimestampSource();

        Assert.Throws<InvalidOperationException>(() => source.Receive(socket, new byte[16]));
    }

    [Fact]
    public async Task Receive_SocketClosedWhileWaiting_ThrowsAndClosesTheCapture()
    {
        var receiver = PcapTestSupport.BoundLoopback();
        using var source = new PcapReceiveTimestampSource();
        source.Configure(receiver);
        var capture = source.CaptureFor(receiver);
        Assert.True(capture is not null, $"pcap capture did not open (needs libpcap and root): {source.FailureFor(receiver)}");

        var waiting = Task.Run(() => source.Receive(receiver, new byte[16]));
        await Task.Delay(100);
        receiver.Dispose();

        var error = await Record.ExceptionAsync(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(error is SocketException or ObjectDisposedException, $"unexpected {error}");
        Assert.False(capture.IsRunning);
        Assert.Equal(ReceiveTimestampClock.UserSpaceStopwatch, source.ClockFor(receiver));
    }

    [Fact]
    public void Dispose_ConfiguredSockets_StopsEveryCapture()
    {
        using var a = PcapTestSupport.BoundLoopback();
        using var b = PcapTestSupport.BoundLoopback();
        var source = new PcapReceiveTimestampSource();
        source.Configure(a);
        source.Configure(b);
        var captures = new[] { source.CaptureFor(a), source.CaptureFor(b) };
        Assert.True(captures.All(c => c is not null), $"pcap capture did not open (needs libpcap and root): {source.FailureFor(a)}");

        source.Dispose();

        Assert.All(captures, c => Assert.False(c!.IsRunning));
        Assert.Throws<ObjectDisposedException>(() => source.Configure(a));
    }

    [Fact]
    public async Task SendStreamAsync_PcapTimestamps_AllPacketsStampedByPcapWithSaneDelays()
    {
        using var source = new PcapReceiveTimestampSource();
        await using var receiver = UdpStreamReceiver.Start(new IPEndPoint(IPAddress.Loopback, 0), source);
        Assert.True(receiver.Clock == ReceiveTimestampClock.Pcap, "pcap capture did not open (needs libpcap and root)");
        using var prober = new UdpStreamProber(receiver.LocalEndPoint, Fast);
        var request = new ProbeStreamRequest(50e6, 1000, 200);

        var result = await prober.SendStreamAsync(request, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        output.WriteLine($"matched {source.Matched}, fallbacks {source.Fallbacks}");
        Assert.Equal(200, result.Received);
        Assert.Equal(ReceiveTimestampClock.Pcap, result.Clock);
        Assert.All(result.OneWayDelays.ToArray(), d => Assert.InRange(d, 0, 0.5));
        Assert.True(source.Matched >= 200, $"only {source.Matched} datagrams matched their capture, {source.Fallbacks} fell back");
    }

    [Fact]
    public void CaptureTime_SameDatagrams_AgreesWithKernelTimestampAndPrecedesUserSpace()
    {
        using var receiver = PcapTestSupport.BoundLoopback();
        using var sender = PcapTestSupport.BoundLoopback();
        var kernel = new DatagramReceiver(receiver, kernelTimestamps: true);
        Assert.True(kernel.KernelTimestamps, "SO_TIMESTAMPNS refused");
        using var capture = PcapTestSupport.OpenCapture(receiver);
        var buffer = new byte[64];
        var pcapToKernel = new List<long>();
        var kernelToUser = new List<long>();

        for (int seq = 0; seq < 200; seq++)
        {
            sender.SendTo(BitConverter.GetBytes(seq), receiver.LocalEndPoint!);
            Assert.True(kernel.TryReceive(buffer, TimeSpan.FromSeconds(5), out var datagram));
            long user = RealtimeClock.UnixNanoseconds();
            Assert.True(capture.TryTakeTimestamp(datagram.Remote, datagram.Length, buffer.AsSpan(0, datagram.Length), TimeSpan.FromSeconds(1), out long pcap));
            pcapToKernel.Add(datagram.ReceivedAtUnixNanoseconds - pcap);
            kernelToUser.Add(user - datagram.ReceivedAtUnixNanoseconds);
        }

        long pcapMedian = Median(pcapToKernel);
        long userMedian = Median(kernelToUser);
        output.WriteLine($"median kernel - pcap {pcapMedian} ns (min {pcapToKernel.Min()}, max {pcapToKernel.Max()}); median user space - kernel {userMedian} ns (max {kernelToUser.Max()})");
        Assert.InRange(pcapMedian, -1_000_000, 1_000_000);
        Assert.True(userMedian >= 0, "user space stamped before the kernel");
    }

    private static long Median(List<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
