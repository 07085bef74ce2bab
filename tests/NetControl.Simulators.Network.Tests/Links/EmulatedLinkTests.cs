using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using NetControl.Core.Units;
using NetControl.Simulators.Network.Bottleneck;
using NetControl.Simulators.Network.Impairments;
using NetControl.Simulators.Network.Links;
using NetControl.Simulators.Network.Tests.Support;
using Xunit.Abstractions;

namespace NetControl.Simulators.Network.Tests.Links;

[Collection(RealTimeCollection.Name)]
public sealed class EmulatedLinkTests
{
    private readonly ITestOutputHelper _output;

    public EmulatedLinkTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Forward_20msOneWay_MedianIsTheConfiguredDelay()
    {
        using var sink = new UdpSink();
        await using var link = EmulatedLink.Start("d20", sink.EndPoint, LinkSettings.Symmetric(DirectionSettings.WithDelay(TimeSpan.FromMilliseconds(20))));
        using var client = Traffic.Client();
        Traffic.Send(client, link.Endpoint, 1000, 64, TimeSpan.FromMilliseconds(2));
        Traffic.WaitFor(() => sink.Count >= 1000, TimeSpan.FromSeconds(10));

        var oneWay = sink.Snapshot().Select(r => Traffic.TicksToMicroseconds(r.OneWayTicks)).ToList();
        var truth = link.GetTruth().Forward;
        var median = Traffic.Median(oneWay);
        _output.WriteLine($"one-way median {median:F1} us (truth 20000 us, applied {truth.AppliedDelay}); release error {truth.ReleaseError}");
        Assert.Equal(1000, oneWay.Count);
        // Never early; late by scheduling only. The accuracy figure itself is a benchmark's job (a loaded CI machine
        // wakes threads late), so the bound here proves the delay is applied, not the microseconds.
        Assert.InRange(median, 20_000 - 50, 20_000 + 1_500);
        Assert.Equal(1000, truth.Forwarded);
    }

    [Fact]
    public async Task RoundTrip_ThroughEchoReflector_AddsTheConfiguredDelaysToTheBaseline()
    {
        var baseline = await MedianRoundTripAsync(LinkSettings.Symmetric(DirectionSettings.Ideal));
        var delayed = await MedianRoundTripAsync(new LinkSettings(DirectionSettings.WithDelay(TimeSpan.FromMilliseconds(10)), DirectionSettings.WithDelay(TimeSpan.FromMilliseconds(7))));
        _output.WriteLine($"zero-delay RTT median {baseline:F1} us; 17 ms link RTT median {delayed:F1} us; excess over truth {delayed - 17_000:F1} us, over truth + baseline {delayed - 17_000 - baseline:F1} us");
        // Measured 120-170 us on a loaded 2-core VM: four threads (relay inside and outside, echo, client) wake
        // from a 17 ms sleep instead of running hot, and the relay timestamps arrival after its own wake-up.
        // Quiet machine: 160-340 us over (relay wake-ups; kernel receive timestamps in the relay would remove them).
        // The bound proves the delays are applied both ways; accuracy is measured by a benchmark, not asserted here.
        Assert.InRange(delayed - baseline, 17_000 - 100, 17_000 + 2_000);
    }

    private async Task<double> MedianRoundTripAsync(LinkSettings settings)
    {
        using var echo = new UdpSink(echo: true);
        await using var link = EmulatedLink.Start("rtt", echo.EndPoint, settings);
        using var client = Traffic.Client();
        var rtts = new List<double>();
        var buffer = new byte[44];
        var reply = new byte[64];
        for (var i = 0; i < 300; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer, i);
            var sent = Stopwatch.GetTimestamp();
            client.SendTo(buffer, link.Endpoint);
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            try
            {
                client.ReceiveFrom(reply, ref from);
            }
            catch (SocketException)
            {
                continue;
            }

            rtts.Add(Traffic.TicksToMicroseconds(Stopwatch.GetTimestamp() - sent));
            Assert.Equal(link.Endpoint, from);
        }

        var truth = link.GetTruth();
        var median = Traffic.Median(rtts);
        _output.WriteLine($"RTT median {median:F1} us over {rtts.Count} (truth {truth.BaseRoundTrip.TotalMicroseconds} us, applied median {truth.MedianAppliedRoundTrip.TotalMicroseconds:F1} us); release error fwd {truth.Forward.ReleaseError} rev {truth.Reverse.ReleaseError}");
        Assert.True(rtts.Count >= 290);
        return median;
    }

    [Fact]
    public async Task Forward_BernoulliLoss_WithinBinomialInterval()
    {
        using var sink = new UdpSink();
        const double p = 0.05;
        const int n = 5_000;
        await using var link = EmulatedLink.Start("loss", sink.EndPoint, LinkSettings.Symmetric(new DirectionSettings { Loss = LossSettings.Random(p) }) with { Seed = 1234 });
        using var client = Traffic.Client();
        Traffic.Send(client, link.Endpoint, n, 64, TimeSpan.FromMicroseconds(100));
        Traffic.WaitFor(() => link.GetTruth().Forward.PacketsIn >= n, TimeSpan.FromSeconds(10));
        var truth = link.GetTruth().Forward;
        Traffic.WaitFor(() => sink.Count >= n - truth.Dropped, TimeSpan.FromSeconds(10));

        var lost = n - sink.Count;
        var sigma = Math.Sqrt(n * p * (1 - p));
        _output.WriteLine($"lost {lost} of {n} (expected {n * p} +- {1.96 * sigma:F1}); truth random-loss drops {truth.DroppedRandomLoss}");
        Assert.InRange(lost, (n * p) - (1.96 * sigma), (n * p) + (1.96 * sigma));
        Assert.Equal(lost, truth.DroppedRandomLoss);
        Assert.Equal(n, truth.PacketsIn);
    }

    [Fact]
    public async Task Forward_GilbertElliott_ProducesBurstsOfMeanLengthInverseR()
    {
        using var sink = new UdpSink();
        const int n = 20_000;
        await using var link = EmulatedLink.Start("burst", sink.EndPoint, LinkSettings.Symmetric(new DirectionSettings { Loss = LossSettings.GilbertElliott(p: 0.01, r: 0.2) }) with { Seed = 99 });
        using var client = Traffic.Client();
        Traffic.Send(client, link.Endpoint, n, 64, TimeSpan.FromMicroseconds(50));
        Traffic.WaitFor(() => link.GetTruth().Forward.PacketsIn >= n, TimeSpan.FromSeconds(10));
        var truth = link.GetTruth().Forward;
        Traffic.WaitFor(() => sink.Count >= n - truth.Dropped, TimeSpan.FromSeconds(10));

        var received = sink.Snapshot().Select(r => r.Seq).Order().ToArray();
        var bursts = new List<int>();
        for (var i = 1; i < received.Length; i++)
        {
            if (received[i] - received[i - 1] > 1)
            {
                bursts.Add(received[i] - received[i - 1] - 1);
            }
        }

        _output.WriteLine($"{bursts.Count} bursts, mean length {bursts.Average():F2} (1/r = 5), loss {(double)(n - received.Length) / n:P2} (stationary {0.01 / 0.21:P2}); truth burst drops {truth.DroppedBurstLoss}");
        Assert.InRange(bursts.Average(), 5 * 0.75, 5 * 1.25);
        Assert.Equal(n - received.Length, truth.DroppedBurstLoss);
    }

    [Fact]
    public async Task Forward_20MbitBottleneckOffered40_ForwardsAbout20()
    {
        var (mbps, truth) = await MeasureThroughputAsync(new BottleneckSettings { Capacity = DataRate.FromMbps(20) }, offeredMbps: 40);
        _output.WriteLine($"forwarded {mbps:F2} Mbit/s (wire), queue drops {truth.DroppedQueueOverflow}, applied delay {truth.AppliedDelay}");
        Assert.InRange(mbps, 20 * 0.9, 20 * 1.15); // above 20 only by catch-up bursts after a stall on a loaded machine
        Assert.True(truth.DroppedQueueOverflow > 0);
    }

    [Fact]
    public async Task Forward_BottleneckWithCrossTraffic_ForwardsLessThanOffered()
    {
        // 20 Mbit/s with 10 Mbit/s Poisson cross traffic: available bandwidth 10.
        var bottleneck = new BottleneckSettings { Capacity = DataRate.FromMbps(20), CrossTraffic = CrossTrafficSettings.Poisson(DataRate.FromMbps(10), 1028) };

        // Below the available bandwidth everything passes.
        var (under, underTruth) = await MeasureThroughputAsync(bottleneck, offeredMbps: 8);
        _output.WriteLine($"offered 8 with 10 cross: forwarded {under:F2} Mbit/s, queue drops {underTruth.DroppedQueueOverflow}, extra delay {underTruth.ExtraDelay}");
        Assert.True(under >= 8 * 0.93, $"forwarded {under:F2} Mbit/s of 8 offered");
        Assert.Equal(0, underTruth.DroppedQueueOverflow);
        Assert.Equal(DataRate.FromMbps(10), underTruth.AvailableBandwidth);

        // Above it (but below capacity) the queue overflows and the flow gets only part of what it offers.
        var (over, overTruth) = await MeasureThroughputAsync(bottleneck, offeredMbps: 16);
        _output.WriteLine($"offered 16 with 10 cross: forwarded {over:F2} Mbit/s, queue drops {overTruth.DroppedQueueOverflow}, cross {overTruth.CrossTrafficPackets} (dropped {overTruth.CrossTrafficDropped})");
        Assert.InRange(over, 10 * 0.95, 16 * 0.93);
        Assert.True(overTruth.DroppedQueueOverflow > 0);

        // Without cross traffic the same offer passes.
        // (Lower bound only: a sender stalled by a loaded machine catches up in bursts, which reads above the offer.)
        var (alone, aloneTruth) = await MeasureThroughputAsync(bottleneck with { CrossTraffic = null }, offeredMbps: 16);
        _output.WriteLine($"offered 16 without cross: forwarded {alone:F2} Mbit/s");
        Assert.True(alone >= 16 * 0.93, $"forwarded {alone:F2} Mbit/s of 16 offered");
        Assert.Equal(0, aloneTruth.DroppedQueueOverflow);
    }

    [Fact]
    public async Task Cut_ThenRepair_DropsEverythingThenForwards()
    {
        using var sink = new UdpSink();
        await using var link = EmulatedLink.Start("cut", sink.EndPoint, LinkSettings.Symmetric(DirectionSettings.WithDelay(TimeSpan.FromMilliseconds(1))));
        using var client = Traffic.Client();
        link.Cut();
        Traffic.Send(client, link.Endpoint, 100, 64, TimeSpan.FromMicroseconds(200));
        await Task.Delay(200);
        Assert.Equal(0, sink.Count);
        Assert.Equal(100, link.GetTruth().Forward.DroppedCut);
        Assert.True(link.GetTruth().IsCut);

        link.Repair();
        Traffic.Send(client, link.Endpoint, 100, 64, TimeSpan.FromMicroseconds(200));
        Traffic.WaitFor(() => sink.Count >= 100, TimeSpan.FromSeconds(5));
        Assert.Equal(100, sink.Count);
    }

    [Fact]
    public async Task Reconfigure_NewDelay_AppliesToLaterDatagrams()
    {
        using var sink = new UdpSink();
        await using var link = EmulatedLink.Start("re", sink.EndPoint, LinkSettings.Symmetric(DirectionSettings.WithDelay(TimeSpan.FromMilliseconds(2))));
        using var client = Traffic.Client();
        link.Reconfigure(LinkDirection.Forward, DirectionSettings.WithDelay(TimeSpan.FromMilliseconds(8)));
        Traffic.Send(client, link.Endpoint, 50, 64, TimeSpan.FromMilliseconds(1));
        Traffic.WaitFor(() => sink.Count >= 50, TimeSpan.FromSeconds(5));
        var median = Traffic.Median(sink.Snapshot().Select(r => Traffic.TicksToMicroseconds(r.OneWayTicks)));
        // Wide upper bound: this only proves the new delay (not the old 2 ms) applies; the truth pins it exactly.
        Assert.InRange(median, 7_900, 14_000);
        Assert.Equal(TimeSpan.FromMilliseconds(8), link.GetTruth().Forward.AppliedDelay.Median);
        Assert.Equal(TimeSpan.FromMilliseconds(8), link.Settings.Forward.Delay);
        Assert.Equal(TimeSpan.FromMilliseconds(2), link.Settings.Reverse.Delay);
        Assert.Throws<InvalidLinkSettingsException>(() => link.Reconfigure(LinkDirection.Forward, new DirectionSettings { Loss = LossSettings.Random(2) }));
    }

    private static async Task<(double Mbps, NetControl.Simulators.Network.Truth.DirectionTruth Truth)> MeasureThroughputAsync(BottleneckSettings bottleneck, double offeredMbps)
    {
        const int payload = 1000;
        const double seconds = 2;
        using var sink = new UdpSink();
        await using var link = EmulatedLink.Start("bw", sink.EndPoint, LinkSettings.Symmetric(new DirectionSettings { Bottleneck = bottleneck }) with { Seed = 5 });
        using var client = Traffic.Client();
        var wire = payload + BottleneckSettings.IPv4UdpOverhead;
        var count = (int)(offeredMbps * 1e6 * seconds / (wire * 8));
        Traffic.Send(client, link.Endpoint, count, payload, TimeSpan.FromSeconds(wire * 8 / (offeredMbps * 1e6)));
        await Task.Delay(300);
        var received = sink.Snapshot();

        // Rate over the middle of the run, from receive timestamps, so start-up and queue drain do not count.
        var ordered = received.Select(r => r.ReceiveTick).Order().ToArray();
        var first = ordered[ordered.Length / 10];
        var last = ordered[ordered.Length * 9 / 10];
        var packets = (ordered.Length * 9 / 10) - (ordered.Length / 10);
        var mbps = packets * wire * 8 / ((double)(last - first) / Stopwatch.Frequency) / 1e6;
        return (mbps, link.GetTruth().Forward);
    }
}
