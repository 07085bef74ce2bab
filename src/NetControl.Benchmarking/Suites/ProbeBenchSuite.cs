using System.Globalization;
using NetControl.Benchmarking.Measurement;
using NetControl.Benchmarking.Probes;
using NetControl.Benchmarking.Reporting;
using NetControl.Probes.Bandwidth;
using NetControl.Probes.Metrics;
using NetControl.Probes.Sessions;
using NetControl.Probes.Timestamps;
using NetControl.Simulators.Network.Namespaces;

namespace NetControl.Benchmarking.Suites;

/// <summary>
/// <c>netctl bench probes</c>: (1) our STAMP sender/reflector and SLoPS estimator over emulated loopback links with
/// known ground truth, on a grid of RTT, jitter, loss, capacity and cross traffic (error of every metric against the
/// DESIGN.md targets); (2) on two network namespaces joined by veth, our STAMP RTT beside ping and our available
/// bandwidth beside iperf3 under a tbf rate (skipped, with the reason, when namespaces cannot be made); (3) the probes
/// per second one process sustains against one reflector with under 0.1% loss.
/// </summary>
public static class ProbeBenchSuite
{
    /// <summary>DESIGN.md: RTT median error under 100 us.</summary>
    public const double RttTargetUs = 100;

    /// <summary>DESIGN.md: available bandwidth within 15%.</summary>
    public const double BandwidthTolerance = 0.15;

    /// <summary>Highest loss at which a probes/s step counts as sustained.</summary>
    public const double SustainedLoss = 0.001;

    public static async Task<BenchReport> RunAsync(MeasureOptions options, Action<string> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        bool quick = options == MeasureOptions.Quick;
        var settings = quick ? ProbeSettings.Quick : ProbeSettings.Full;
        var grid = quick ? AccuracyPoint.Quick : AccuracyPoint.Full;
        var cases = new List<BenchCase>();

        progress($"relay overhead: {settings.StampPackets} STAMP packets through an unimpaired emulated link");
        double overheadUs = await EmulatedPointRunner.RelayOverheadUsAsync(settings, cancellationToken).ConfigureAwait(false);
        progress(Invariant($"  relay overhead {overheadUs:0.#} us per round trip"));
        var results = new List<ProbePointResult>();
        for (int i = 0; i < grid.Count; i++)
        {
            var point = grid[i];
            progress($"emulated link {i + 1}/{grid.Count}: {point.Name}: {settings.StampPackets} STAMP packets every {settings.StampInterval.TotalMilliseconds} ms, then an available-bandwidth estimate");
            var result = await EmulatedPointRunner.RunAsync(point, settings, seed: 1000 + i, overheadUs, cancellationToken).ConfigureAwait(false);
            progress(Invariant($"  RTT median {result.Stamp.Rtt!.Median.TotalMilliseconds:0.###} ms (truth {result.TruthRttMedianMs:0.###}, error {result.RttMedianErrorUs:0.#} us), loss {result.Stamp.Lost}/{result.Stamp.Sent}, available {result.Bandwidth.Low.BitsPerSecond / 1e6:0.#}-{result.Bandwidth.High.BitsPerSecond / 1e6:0.#} Mbit/s (truth {result.TruthAvailablePayloadMbps:0.#})"));
            results.Add(result);
            cases.Add(PointCase(result));
        }

        cases.Add(GridCase(results));

        progress("veth namespace pair: STAMP beside ping, available bandwidth beside iperf3 under tbf");
        cases.AddRange(await NamespaceCasesAsync(settings, progress, cancellationToken).ConfigureAwait(false));

        progress("probes/s: concurrent STAMP sessions to one reflector on loopback");
        cases.Add(await RateCaseAsync(settings, progress, cancellationToken).ConfigureAwait(false));
        return new BenchReport("probes", MachineInfo.Current(), cases);
    }

    private static BenchCase PointCase(ProbePointResult r)
    {
        var rtt = r.Stamp.Rtt!;
        var (low, high) = r.LossInterval;
        var bw = r.Bandwidth;
        return new BenchCase
        {
            Name = $"probes/emulated/{r.Point.Name}",
            Description = Invariant($"{r.Stamp.Sent} STAMP packets through an emulated loopback link (base RTT {r.Point.RttMs} ms, uniform extra delay 0-{r.Point.JitterMs} ms and Bernoulli loss {r.Point.LossRatio * 100}% each way) to our reflector; ours is the RTT distribution (T4-T1 minus T3-T2); truth is the relay's median applied delay plus its median release error, each way, summed; the mean error compares means (they add up exactly over the two directions where medians only approximately do, but stalls of the relay's receive threads are in neither truth, so it is a diagnostic); for scale, the relay alone (its extra loopback hops and thread wake-ups, which are in no truth) added {r.RelayOverheadUs:0.#} us to the median on an unimpaired link in this run (noisy on a shared machine). Then a SLoPS estimate through a second link with a {r.Point.CapacityMbps} Mbit/s bottleneck and {r.Point.CrossFraction * 100:0}% Poisson cross traffic; truth is capacity minus cross traffic, in UDP payload bit/s. Receive clock: STAMP {ClockName(r.Stamp.Clock)}, bandwidth {ClockName(bw.Clock)}"),
            Ours = RttSample($"NetControl STAMP, {ClockName(r.Stamp.Clock)} receive clock", rtt),
            Result = new Dictionary<string, double>
            {
                ["rtt truth median ms"] = Round(r.TruthRttMedianMs, 4),
                ["rtt configured base ms"] = r.Point.RttMs,
                ["relay release error median us"] = Round(r.ReleaseErrorUs, 1),
                ["rtt truth mean ms"] = Round(r.TruthRttMeanMs, 4),
                ["rtt mean error us"] = Round(r.RttMeanErrorUs, 1),
                ["rtt median error us"] = Round(r.RttMedianErrorUs, 1),
                ["relay overhead us"] = Round(r.RelayOverheadUs, 1),
                ["rtt target (100 us) met"] = Math.Abs(r.RttMedianErrorUs) < RttTargetUs ? 1 : 0,
                ["jitter rfc3550 ms"] = Round(r.Stamp.Jitter?.TotalMilliseconds ?? 0, 4),
                ["jitter truth ms"] = Round(r.TruthJitterMs, 4),
                ["jitter error ms"] = Round((r.Stamp.Jitter?.TotalMilliseconds ?? 0) - r.TruthJitterMs, 4),
                ["ipdv mean abs ms"] = Round(r.Stamp.Ipdv?.MeanAbsolute.TotalMilliseconds ?? 0, 4),
                ["pdv p95-p50 ms"] = Round(r.Stamp.Pdv?.TotalMilliseconds ?? 0, 4),
                ["sent"] = r.Stamp.Sent,
                ["lost"] = r.Stamp.Lost,
                ["lost by the link (truth)"] = r.TruthLost,
                ["loss ratio"] = Round(r.Stamp.LossRatio, 5),
                ["loss configured round trip"] = Round(r.Point.RoundTripLoss, 5),
                ["loss binomial 95% low"] = low,
                ["loss binomial 95% high"] = high,
                ["loss target (in binomial 95%) met"] = r.LossInInterval ? 1 : 0,
                ["loss equals link count"] = r.Stamp.Lost == r.TruthLost ? 1 : 0,
                ["available truth Mbps"] = Round(r.TruthAvailablePayloadMbps, 2),
                ["available low Mbps"] = Round(bw.Low.BitsPerSecond / 1e6, 2),
                ["available high Mbps"] = Round(bw.High.BitsPerSecond / 1e6, 2),
                ["available mid error %"] = Round(r.BandwidthMidErrorPercent, 1),
                ["available target (mid within 15%) met"] = r.BandwidthWithin15Percent ? 1 : 0,
                ["available range +-15% contains truth"] = r.BandwidthRangeContains ? 1 : 0,
                ["available converged"] = bw.Converged ? 1 : 0,
                ["available stop reason"] = (int)bw.Reason,
                ["available seconds"] = Round(bw.Duration.TotalSeconds, 2),
                ["available probe MB"] = Round(bw.BytesSent / 1e6, 2),
                ["stamp clock kernel"] = r.Stamp.Clock == ReceiveClock.Kernel ? 1 : 0,
            },
        };
    }

    private static BenchCase GridCase(List<ProbePointResult> results)
    {
        var rttErrors = results.Select(r => Math.Abs(r.RttMedianErrorUs)).Order().ToList();
        var bwErrors = results.Select(r => Math.Abs(r.BandwidthMidErrorPercent)).Order().ToList();
        var jitterErrors = results.Select(r => Math.Abs((r.Stamp.Jitter?.TotalMilliseconds ?? 0) - r.TruthJitterMs)).Order().ToList();
        int lossIn = results.Count(r => r.LossInInterval);
        int bwIn = results.Count(r => r.BandwidthWithin15Percent);
        var clocks = results.Select(r => r.Stamp.Clock).Distinct().Select(ClockName);
        return new BenchCase
        {
            Name = "probes/emulated/accuracy-grid",
            Description = Invariant($"all {results.Count} grid points (RTT {results.Min(r => r.Point.RttMs)}-{results.Max(r => r.Point.RttMs)} ms, jitter 0-{results.Max(r => r.Point.JitterMs)} ms, loss 0-{results.Max(r => r.Point.LossRatio) * 100}%, capacity {results.Min(r => r.Point.CapacityMbps)}-{results.Max(r => r.Point.CapacityMbps)} Mbit/s, cross traffic 0-{results.Max(r => r.Point.CrossFraction) * 100:0}%); ours is the distribution of |RTT median error| in ms over the points (raw, against the relay's truth); targets are met only when every point meets them; available bandwidth counts the middle of the estimated range. STAMP receive clock: {string.Join("/", clocks)}"),
            Ours = Sample.Of("|RTT median error| over the grid", rttErrors.Select(us => us / 1000)),
            Result = new Dictionary<string, double>
            {
                ["points"] = results.Count,
                ["rtt median error worst us"] = Round(rttErrors[^1], 1),
                ["rtt median error median us"] = Round(Sample.Percentile(rttErrors, 0.5), 1),
                ["rtt target (100 us) met"] = rttErrors[^1] < RttTargetUs ? 1 : 0,
                ["relay overhead us"] = Round(results[0].RelayOverheadUs, 1),
                ["jitter error worst ms"] = Round(jitterErrors[^1], 4),
                ["jitter error median ms"] = Round(Sample.Percentile(jitterErrors, 0.5), 4),
                ["loss points in binomial 95%"] = lossIn,
                ["loss points equal to link count"] = results.Count(r => r.Stamp.Lost == r.TruthLost),
                ["loss target met"] = lossIn == results.Count ? 1 : 0,
                ["available points mid within 15%"] = bwIn,
                ["available points range +-15% contains truth"] = results.Count(r => r.BandwidthRangeContains),
                ["available mid error worst %"] = Round(bwErrors[^1], 1),
                ["available mid error median %"] = Round(Sample.Percentile(bwErrors, 0.5), 1),
                ["available target (mid within 15%) met"] = bwIn == results.Count ? 1 : 0,
                ["stamp clock kernel"] = results.All(r => r.Stamp.Clock == ReceiveClock.Kernel) ? 1 : 0,
            },
        };
    }

    private static async Task<List<BenchCase>> NamespaceCasesAsync(ProbeSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        NamespaceResult r;
        try
        {
            r = await NamespaceComparison.RunAsync(settings, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CommandFailedException or BenchmarkSetupException or UnauthorizedAccessException or IOException or BandwidthProbeException)
        {
            string reason = ex.Message.Split('\n')[0];
            progress($"veth namespace pair skipped: {reason}");
            return [Skipped("probes/veth", $"skipped: STAMP beside ping and SLoPS beside iperf3 on a veth namespace pair could not run ({Environment.UserName}): {reason}")];
        }

        var stampRtt = r.Stamp.Rtt!;
        var ping = Sample.Of("iputils ping -i 0.01", r.PingRttMs);
        double diffUs = (stampRtt.Median.TotalMilliseconds - ping.MedianMs) * 1000;
        double tbf = NamespaceComparison.TbfRate.BitsPerSecond / 1e6;

        // tbf counts whole frames: payload + UDP/IP (28) + Ethernet header (14).
        double tbfPayload = tbf * EmulatedPointRunner.PayloadBytes / (EmulatedPointRunner.PayloadBytes + 42.0);
        double mid = r.Estimate.Mid.BitsPerSecond / 1e6;
        double iperf = r.IperfTcp.BitsPerSecond / 1e6;
        return
        [
            new BenchCase
            {
                Name = "probes/veth/stamp-vs-ping",
                Description = Invariant($"round trip over a bare veth pair between two network namespaces (no netem here, so no added delay): {r.Stamp.Sent} STAMP packets every 10 ms (our sender in A, our reflector in B, {ClockName(r.Stamp.Clock)} receive clock) beside iputils ping -c {r.PingRttMs.Count} -i 0.01 from A to B; figures are RTTs in ms, not times to run"),
                Ours = RttSample($"NetControl STAMP, {ClockName(r.Stamp.Clock)} receive clock", stampRtt),
                Baseline = ping,
                BaselineNote = "ping's ICMP echo RTT (user-space timestamps, reported to the microsecond); 'speedup' here is only the ratio of the two RTT medians",
                Agree = Math.Abs(diffUs) < RttTargetUs,
                Result = new Dictionary<string, double>
                {
                    ["stamp rtt median us"] = Round(stampRtt.Median.TotalMilliseconds * 1000, 1),
                    ["ping rtt median us"] = Round(ping.MedianMs * 1000, 1),
                    ["stamp minus ping us"] = Round(diffUs, 1),
                    ["stamp lost"] = r.Stamp.Lost,
                    ["ping replies"] = r.PingRttMs.Count,
                    ["stamp clock kernel"] = r.Stamp.Clock == ReceiveClock.Kernel ? 1 : 0,
                },
            },
            new BenchCase
            {
                Name = Invariant($"probes/veth/tbf-{tbf:0}M-estimate-vs-iperf3"),
                Description = Invariant($"veth namespace pair with tbf {tbf:0} Mbit/s (burst {NamespaceComparison.TbfBurstBytes} B) on A's egress: our SLoPS estimate ({ClockName(r.Estimate.Clock)} receive clock) beside an iperf3 TCP transfer of {settings.IperfSeconds} s; truth is the tbf rate ({tbfPayload:0.#} Mbit/s of UDP payload in 1000-byte datagrams); ours and baseline are the wall times of each tool"),
                Ours = Sample.Of("NetControl SLoPS estimate (wall time)", [r.Estimate.Duration.TotalMilliseconds]),
                Baseline = Sample.Of("iperf3 -c TCP (wall time, incl. server start)", [r.IperfWallMs]),
                BaselineNote = "iperf3 measures TCP goodput, which saturates the path; ours probes without filling it",
                Result = new Dictionary<string, double>
                {
                    ["tbf rate Mbps"] = tbf,
                    ["truth payload Mbps"] = Round(tbfPayload, 2),
                    ["available low Mbps"] = Round(r.Estimate.Low.BitsPerSecond / 1e6, 2),
                    ["available high Mbps"] = Round(r.Estimate.High.BitsPerSecond / 1e6, 2),
                    ["available mid error %"] = Round((mid - tbfPayload) / tbfPayload * 100, 1),
                    ["available target (mid within 15%) met"] = Math.Abs(mid - tbfPayload) <= BandwidthTolerance * tbfPayload ? 1 : 0,
                    ["available range +-15% contains truth"] = r.Estimate.Contains(NetControl.Core.Units.DataRate.FromMbps(tbfPayload), BandwidthTolerance) ? 1 : 0,
                    ["available converged"] = r.Estimate.Converged ? 1 : 0,
                    ["available probe MB"] = Round(r.Estimate.BytesSent / 1e6, 2),
                    ["iperf3 tcp Mbps"] = Round(iperf, 2),
                    ["iperf3 error vs tbf %"] = Round((iperf - tbf) / tbf * 100, 1),
                },
            },
        ];
    }

    private static async Task<BenchCase> RateCaseAsync(ProbeSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        var steps = new List<ProbeRateStep>();
        foreach (int sessions in settings.RateSessions)
        {
            var step = await ProbeRateRunner.RunStepAsync(sessions, settings.RateStepDuration, cancellationToken).ConfigureAwait(false);
            progress(Invariant($"  {sessions} sessions: {step.PacketsPerSecond:0} packets/s sent, loss {step.LossRatio * 100:0.###}%, RTT median {step.RttMedian.TotalMicroseconds:0} us"));
            steps.Add(step);
        }

        var sustained = steps.Where(s => s.LossRatio < SustainedLoss).OrderByDescending(s => s.PacketsPerSecond).FirstOrDefault();
        var result = new Dictionary<string, double>
        {
            ["sustained packets/s"] = Round(sustained?.PacketsPerSecond ?? 0, 0),
            ["sustained sessions"] = sustained?.Sessions ?? 0,
            ["sustained loss %"] = Round((sustained?.LossRatio ?? 0) * 100, 4),
        };
        foreach (var s in steps)
        {
            result[Invariant($"{s.Sessions} sessions packets/s")] = Round(s.PacketsPerSecond, 0);
            result[Invariant($"{s.Sessions} sessions loss %")] = Round(s.LossRatio * 100, 4);
        }

        var best = sustained ?? steps[^1];
        return new BenchCase
        {
            Name = "probes/loopback/probes-per-second",
            Description = Invariant($"N STAMP sessions in this process (N = {string.Join(", ", steps.Select(s => s.Sessions))}), each its own socket sending every {ProbeRateRunner.SessionInterval.TotalMilliseconds} ms for {settings.RateStepDuration.TotalSeconds} s, to one reflector on loopback; packets/s is what was actually sent until the last send; sustained is the highest rate with loss under {SustainedLoss * 100}%; ours is the median over sessions of the RTT median at that step (ms)"),
            Ours = new Sample(Invariant($"NetControl STAMP, {best.Sessions} sessions"), best.RttMedian.TotalMilliseconds, best.RttMedian.TotalMilliseconds, best.RttMedian.TotalMilliseconds, best.RttMedian.TotalMilliseconds, 1),
            Result = result,
        };
    }

    private static BenchCase Skipped(string name, string description) => new()
    {
        Name = name,
        Description = description,
        Ours = new Sample("skipped", 0, 0, 0, 0, 0),
        Result = new Dictionary<string, double> { ["skipped"] = 1 },
    };

    private static Sample RttSample(string implementation, DelayStatistics rtt) =>
        new(implementation, rtt.Median.TotalMilliseconds, rtt.P95.TotalMilliseconds, rtt.Min.TotalMilliseconds, rtt.Mean.TotalMilliseconds, rtt.Count);

    private static string ClockName(ReceiveClock clock) => clock == ReceiveClock.Kernel ? "kernel" : clock == ReceiveClock.Pcap ? "pcap" : "user-space";

    private static string ClockName(ReceiveTimestampClock clock) => clock switch
    {
        ReceiveTimestampClock.KernelSoTimestampNs => "kernel",
        ReceiveTimestampClock.Pcap => "pcap",
        ReceiveTimestampClock.Simulated => "simulated",
        _ => "user-space Stopwatch",
    };

    private static double Round(double value, int digits) => double.IsFinite(value) ? Math.Round(value, digits) : -1;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
