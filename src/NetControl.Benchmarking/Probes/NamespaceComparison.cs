using System.Diagnostics;
using System.Net;
using NetControl.Core.Units;
using NetControl.Probes.Bandwidth;
using NetControl.Probes.Sessions;
using NetControl.Simulators.Network.Namespaces;

namespace NetControl.Benchmarking.Probes;

/// <summary>
/// Our probes beside the standard tools on a real kernel path: two network namespaces joined by a veth pair (no netem
/// in this kernel, so the bare veth round trip). STAMP sender in A, reflector in B, beside <c>ping -i 0.01</c> from A
/// to B; then a <c>tbf</c> rate limit on A's veth and our available-bandwidth estimate beside an iperf3 TCP transfer,
/// the tbf rate being the truth. The pair (namespaces, iperf3 processes) is always torn down.
/// </summary>
public static class NamespaceComparison
{
    public static readonly DataRate TbfRate = DataRate.FromMbps(100);

    /// <summary>
    /// tbf bucket: a few frames, so that a 100-packet probe stream cannot ride the burst (a 20 kB bucket let streams
    /// 15% above the rate through without queueing); tbf's watchdog is a high-resolution timer, so the rate holds.
    /// </summary>
    public const int TbfBurstBytes = 4_000;

    public static async Task<NamespaceResult> RunAsync(ProbeSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        await using var pair = await NamespacePair.CreateAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        progress($"namespaces {pair.NameA} ({pair.AddressA}) and {pair.NameB} ({pair.AddressB}) joined by veth");

        StampIntervalSummary stamp;
        var reflector = NetworkNamespaceThread.Create(pair.NameB, () => new StampReflector(new StampReflectorOptions { EndPoint = new IPEndPoint(pair.AddressB, 0) }));
        await using (reflector.ConfigureAwait(false))
        {
            var sender = NetworkNamespaceThread.Create(pair.NameA, () => new StampSessionSender(new StampSessionSenderOptions
            {
                Target = reflector.LocalEndPoint,
                Interval = TimeSpan.FromMilliseconds(10),
                Count = settings.PingPackets,
                Tmax = TimeSpan.FromSeconds(1),
                ReportingInterval = TimeSpan.FromHours(1),
            }));
            await using (sender.ConfigureAwait(false))
            {
                progress($"STAMP: {settings.PingPackets} packets every 10 ms from {pair.NameA} to {pair.NameB}");
                StampIntervalSummary? last = null;
                await foreach (var summary in sender.RunAsync(cancellationToken).ConfigureAwait(false))
                {
                    last = summary;
                }

                stamp = last?.Rtt is not null ? last : throw new BenchmarkSetupException("STAMP over the veth pair got no reply");
            }
        }

        progress($"ping -c {settings.PingPackets} -i 0.01 from {pair.NameA} to {pair.NameB}");
        var ping = await PingBaseline.RunAsync(pair, NamespaceSide.A, pair.AddressB, settings.PingPackets, cancellationToken).ConfigureAwait(false);

        progress($"tbf {TbfRate.BitsPerSecond / 1e6:0} Mbit/s (burst {TbfBurstBytes} B) on {pair.InterfaceA}: our estimate, then iperf3 TCP for {settings.IperfSeconds} s");
        await pair.SetRateLimitAsync(NamespaceSide.A, TbfRate, TbfBurstBytes, cancellationToken: cancellationToken).ConfigureAwait(false);
        AvailableBandwidthEstimate estimate;
        var receiver = NetworkNamespaceThread.Create(pair.NameB, () => UdpStreamReceiver.Start(new IPEndPoint(pair.AddressB, 0), KernelReceiveTimestampSource.Instance));
        await using (receiver.ConfigureAwait(false))
        {
            using var prober = NetworkNamespaceThread.Create(pair.NameA, () => new UdpStreamProber(receiver.LocalEndPoint));
            var estimator = new AvailableBandwidthEstimator(prober, settings.Bandwidth(DataRate.FromMbps(150)) with { PacketSize = EmulatedPointRunner.PayloadBytes });
            estimate = await estimator.EstimateAsync(cancellationToken).ConfigureAwait(false);
        }

        long iperfStart = Stopwatch.GetTimestamp();
        var iperf = await pair.MeasureTcpThroughputAsync(NamespaceSide.A, TimeSpan.FromSeconds(settings.IperfSeconds), cancellationToken: cancellationToken).ConfigureAwait(false);
        double iperfMs = Stopwatch.GetElapsedTime(iperfStart).TotalMilliseconds;
        return new NamespaceResult(stamp, ping, estimate, iperf, iperfMs);
    }
}
