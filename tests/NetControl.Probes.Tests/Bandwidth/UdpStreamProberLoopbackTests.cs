using System.Net;
using System.Net.Sockets;
using NetControl.Core.Units;
using NetControl.Probes.Bandwidth;
using Xunit.Abstractions;

namespace NetControl.Probes.Tests.Bandwidth;

/// <summary>
/// The real prober and receiver over loopback, with no bottleneck: loopback carries several Gbit/s, far above
/// the rates probed, so every fleet should be non-increasing and the search should run up to its maximum rate.
/// These tests pace with a spinning thread, so they run alone (<see cref="LoopbackCollection"/>): on a small
/// host, CPU-heavy tests running alongside would preempt the sender and the receiver.
/// </summary>
[Collection(LoopbackCollection.Name)]
public sealed class UdpStreamProberLoopbackTests(ITestOutputHelper output)
{
    private static readonly UdpStreamProberOptions Fast = new() { DrainWait = TimeSpan.FromMilliseconds(2), ReportTimeout = TimeSpan.FromMilliseconds(300) };

    [Fact]
    public async Task SendStreamAsync_Loopback_AllPacketsArriveAtTheRequestedRate()
    {
        await using var receiver = UdpStreamReceiver.Start(new IPEndPoint(IPAddress.Loopback, 0));
        using var prober = new UdpStreamProber(receiver.LocalEndPoint, Fast);
        var request = new ProbeStreamRequest(50e6, 1000, 200);

        var result = await prober.SendStreamAsync(request, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(200, result.Received);
        Assert.Equal(request.Bytes, result.BytesSent);
        Assert.Equal(ReceiveTimestampClock.UserSpaceStopwatch, result.Clock);
        // Packets are never sent before their due time, so pacing can fall short (a preempted sender on a
        // loaded host) but not overshoot.
        Assert.InRange(result.AchievedRateBitsPerSecond, 1e6, 50e6 * 1.01);
        Assert.All(result.OneWayDelays.ToArray(), d => Assert.InRange(d, 0, 0.5));
    }

    [Fact]
    public async Task SendStreamAsync_KernelTimestamps_AllPacketsArriveStampedByTheKernel()
    {
        await using var receiver = UdpStreamReceiver.Start(new IPEndPoint(IPAddress.Loopback, 0), KernelReceiveTimestampSource.Instance);
        using var prober = new UdpStreamProber(receiver.LocalEndPoint, Fast);
        var request = new ProbeStreamRequest(50e6, 1000, 200);

        var result = await prober.SendStreamAsync(request, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(200, result.Received);
        Assert.Equal(ReceiveTimestampClock.KernelSoTimestampNs, result.Clock);
        Assert.All(result.OneWayDelays.ToArray(), d => Assert.InRange(d, 0, 0.5));
    }

    [Fact]
    public async Task SendStreamAsync_TwoStreams_EachGetsItsOwnReport()
    {
        await using var receiver = UdpStreamReceiver.Start(new IPEndPoint(IPAddress.Loopback, 0));
        using var prober = new UdpStreamProber(receiver.LocalEndPoint, Fast);

        var a = await prober.SendStreamAsync(new ProbeStreamRequest(20e6, 200, 300), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        var b = await prober.SendStreamAsync(new ProbeStreamRequest(20e6, 200, 10), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(300, a.Received); // two report datagrams (160 + 140 entries)
        Assert.Equal(10, b.Received);
    }

    [Fact]
    public async Task SendStreamAsync_NoReceiver_TransientBandwidthProbeException()
    {
        using var placeholder = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        placeholder.Bind(new IPEndPoint(IPAddress.Loopback, 0)); // bound but never answers
        var options = Fast with { ReportTimeout = TimeSpan.FromMilliseconds(100), ReportAttempts = 2 };
        using var prober = new UdpStreamProber((IPEndPoint)placeholder.LocalEndPoint!, options);

        var error = await Assert.ThrowsAsync<BandwidthProbeException>(
            () => prober.SendStreamAsync(new ProbeStreamRequest(10e6, 100, 10), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task EstimateAsync_LoopbackWithoutBottleneck_RunsUpToMaximumRate()
    {
        await using var receiver = UdpStreamReceiver.Start(new IPEndPoint(IPAddress.Loopback, 0));
        using var prober = new UdpStreamProber(receiver.LocalEndPoint, Fast);
        var options = new AvailableBandwidthOptions
        {
            MinimumRate = DataRate.FromMbps(10),
            MaximumRate = DataRate.FromMbps(100),
            StreamsPerFleet = 8,
            PacketsPerStream = 100,
            PacketSize = 1000,
            InterStreamGap = TimeSpan.FromMilliseconds(1),
            MaxProbeBytes = 8_000_000,
        };

        var estimate = await new AvailableBandwidthEstimator(prober, options).EstimateAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        foreach (var fleet in estimate.Fleets)
        {
            output.WriteLine($"{fleet.RateBitsPerSecond / 1e6:0.0} Mbit/s {fleet.Verdict} I={fleet.Increasing} N={fleet.NonIncreasing} A={fleet.Ambiguous}");
        }

        output.WriteLine($"{estimate.Low}-{estimate.High} {estimate.Reason} {estimate.BytesSent} B {estimate.Duration}");
        Assert.True(estimate.BytesSent <= options.MaxProbeBytes);
        Assert.Equal(ReceiveTimestampClock.UserSpaceStopwatch, estimate.Clock);
        if (estimate.Reason == EstimateStopReason.SenderLimited)
        {
            // An overloaded host (CI running many suites on two cores) cannot pace; the estimator must say so
            // rather than report a range.
            Assert.False(estimate.Converged);
            return;
        }

        // Nothing limits loopback below the maximum: no fleet may see a queue building. Near the top, scheduling noise
        // on a shared machine can leave the last fleets grey, so a grey region just under the maximum is accepted.
        Assert.Contains(estimate.Reason, new[] { EstimateStopReason.AboveMaximumRate, EstimateStopReason.GreyRegion });
        Assert.True(estimate.Converged);
        Assert.True(estimate.Low.BitsPerSecond >= 0.8 * options.MaximumRate.BitsPerSecond, $"low {estimate.Low}");
        Assert.DoesNotContain(estimate.Fleets, f => f.Verdict == FleetVerdict.Increasing);
    }
}
