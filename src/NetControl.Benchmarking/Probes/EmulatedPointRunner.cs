using System.Net;
using NetControl.Core.Units;
using NetControl.Probes.Bandwidth;
using NetControl.Probes.Sessions;
using NetControl.Simulators.Network.Bottleneck;
using NetControl.Simulators.Network.Impairments;
using NetControl.Simulators.Network.Links;

namespace NetControl.Benchmarking.Probes;

/// <summary>
/// Runs our probes over emulated links on loopback for one <see cref="AccuracyPoint"/>: a STAMP session through a link
/// with delay, jitter and loss to a reflector, then an available-bandwidth estimate through a second link with the
/// same base delay and a bottleneck shared with cross traffic to a stream receiver. The two run one after the other
/// so the pacing thread does not disturb the RTT figures. Everything started here is stopped here.
/// </summary>
public static class EmulatedPointRunner
{
    public const int PayloadBytes = 1000;

    /// <summary>
    /// The relay's own round-trip cost: our RTT median minus the link's truth on an unimpaired link (no delay, jitter,
    /// loss or bottleneck), same packet count and interval.
    /// </summary>
    public static async Task<double> RelayOverheadUsAsync(ProbeSettings settings, CancellationToken cancellationToken)
    {
        var point = new AccuracyPoint(0, 0, 0, 0, 0);
        var (summary, truth) = await RunStampAsync(LinkSettings.Symmetric(DirectionSettings.Ideal), point, settings, cancellationToken).ConfigureAwait(false);
        var truthMs = (truth.MedianAppliedRoundTrip + truth.Forward.ReleaseError.Median + truth.Reverse.ReleaseError.Median).TotalMilliseconds;
        return (summary.Rtt!.Median.TotalMilliseconds - truthMs) * 1000;
    }

    public static async Task<ProbePointResult> RunAsync(AccuracyPoint point, ProbeSettings settings, int seed, double relayOverheadUs, CancellationToken cancellationToken)
    {
        var oneWay = TimeSpan.FromMilliseconds(point.RttMs / 2);
        var half = TimeSpan.FromMilliseconds(point.JitterMs / 2);
        var stampDirection = new DirectionSettings
        {
            Delay = oneWay,
            Jitter = point.JitterMs > 0 ? JitterSettings.Uniform(half, half) : JitterSettings.None,
            Order = JitterOrder.PreserveOrder,
            Loss = point.LossRatio > 0 ? LossSettings.Random(point.LossRatio) : LossSettings.None,
        };

        var (summary, stampTruth) = await RunStampAsync(LinkSettings.Symmetric(stampDirection) with { Seed = seed }, point, settings, cancellationToken).ConfigureAwait(false);

        var capacity = DataRate.FromMbps(point.CapacityMbps);
        var bottleneck = new BottleneckSettings
        {
            Capacity = capacity,
            CrossTraffic = point.CrossFraction > 0 ? CrossTrafficSettings.Poisson(DataRate.FromMbps(point.CapacityMbps * point.CrossFraction)) : null,
        };
        var bandwidthLink = new LinkSettings(new DirectionSettings { Delay = oneWay, Bottleneck = bottleneck }, DirectionSettings.WithDelay(oneWay)) { Seed = seed + 1 };
        await using var receiver = UdpStreamReceiver.Start(new IPEndPoint(IPAddress.Loopback, 0), KernelReceiveTimestampSource.Instance);
        await using var link = EmulatedLink.Start($"bw-{point.Name}", receiver.LocalEndPoint, bandwidthLink);
        using var prober = new UdpStreamProber(link.Endpoint, new UdpStreamProberOptions { DrainWait = oneWay + oneWay + TimeSpan.FromMilliseconds(60) });
        var estimator = new AvailableBandwidthEstimator(prober, settings.Bandwidth(capacity) with { PacketSize = PayloadBytes });
        var estimate = await estimator.EstimateAsync(cancellationToken).ConfigureAwait(false);
        return new ProbePointResult(point, summary, stampTruth, estimate, link.GetTruth(), PayloadBytes, relayOverheadUs);
    }

    private static async Task<(StampIntervalSummary Summary, NetControl.Simulators.Network.Truth.LinkTruth Truth)> RunStampAsync(
        LinkSettings linkSettings, AccuracyPoint point, ProbeSettings settings, CancellationToken cancellationToken)
    {
        await using var reflector = new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(IPAddress.Loopback, 0) });
        await using var link = EmulatedLink.Start($"stamp-{point.Name}", reflector.LocalEndPoint, linkSettings);
        await using var sender = new StampSessionSender(new StampSessionSenderOptions
        {
            Target = link.Endpoint,
            LocalEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            Interval = settings.StampInterval,
            Count = settings.StampPackets,
            Tmax = TimeSpan.FromMilliseconds((point.RttMs * 2) + (point.JitterMs * 4) + 500),
            ReportingInterval = TimeSpan.FromHours(1),
        });
        StampIntervalSummary? last = null;
        await foreach (var summary in sender.RunAsync(cancellationToken).ConfigureAwait(false))
        {
            if (last is not null)
            {
                throw new BenchmarkSetupException($"{point.Name}: the STAMP session reported more than one interval");
            }

            last = summary;
        }

        if (last is null || last.Rtt is null)
        {
            throw new BenchmarkSetupException($"{point.Name}: the STAMP session reported no round trip");
        }

        return (last, link.GetTruth());
    }
}
