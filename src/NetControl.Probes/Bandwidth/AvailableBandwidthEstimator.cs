using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Core.Units;

namespace NetControl.Probes.Bandwidth;

/// <summary>
/// SLoPS (pathload-style) available-bandwidth estimation: fleets of periodic streams at one rate each, a
/// trend verdict per stream (<see cref="TrendAnalyzer"/>), a qualified-majority verdict per fleet
/// (<see cref="FleetTally"/>) and a binary search over the rate with a grey region (<see cref="RateSearch"/>).
/// The probe volume is bounded: a fleet starts only when a full fleet fits in <see cref="AvailableBandwidthOptions.MaxProbeBytes"/>.
/// </summary>
public sealed class AvailableBandwidthEstimator
{
    private readonly IProbeStreamTransport _transport;
    private readonly AvailableBandwidthOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates an estimator that probes through <paramref name="transport"/>.</summary>
    public AvailableBandwidthEstimator(IProbeStreamTransport transport, AvailableBandwidthOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        _options = options ?? new AvailableBandwidthOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Runs one estimate; the result says why it stopped and whether it converged.</summary>
    public async Task<AvailableBandwidthEstimate> EstimateAsync(CancellationToken cancellationToken)
    {
        var o = _options;
        long started = _time.GetTimestamp();
        var search = new RateSearch(o.MinimumRate.BitsPerSecond, o.MaximumRate.BitsPerSecond, o.Resolution.BitsPerSecond, o.RelativeResolution, o.GreyResolution);
        var fleets = new List<FleetOutcome>();
        var clock = _transport.Clock;
        long bytes = 0;
        int streams = 0;
        EstimateStopReason reason;
        while (true)
        {
            if (search.Stopped is { } stopped)
            {
                reason = stopped;
                break;
            }

            if (fleets.Count >= o.MaxFleets)
            {
                reason = EstimateStopReason.FleetLimit;
                break;
            }

            if (bytes + o.FleetBytes > o.MaxProbeBytes)
            {
                reason = EstimateStopReason.ProbeBudgetExhausted;
                break;
            }

            double rate = search.NextRate();
            var request = new ProbeStreamRequest(rate, o.PacketSize, o.PacketsPerStream);
            var tally = new FleetTally(o.StreamsPerFleet, o.FleetAgreement);
            long fleetBytes = 0;
            int senderLimited = 0;
            bool outOfBudget = false;
            while (!tally.IsDecided && senderLimited <= o.StreamsPerFleet / 2)
            {
                if (bytes + fleetBytes + request.Bytes > o.MaxProbeBytes)
                {
                    outOfBudget = true; // only reachable after discarded (sender-limited) streams
                    break;
                }

                if (fleetBytes > 0 && o.InterStreamGap > TimeSpan.Zero)
                {
                    await Task.Delay(o.InterStreamGap, _time, cancellationToken).ConfigureAwait(false);
                }

                var result = await _transport.SendStreamAsync(request, cancellationToken).ConfigureAwait(false);
                clock = result.Clock;
                fleetBytes += result.BytesSent;
                streams++;
                if (result.AchievedRateBitsPerSecond < rate * (1 - o.RateTolerance))
                {
                    // The sender fell behind (preempted, too slow): the stream did not probe this rate. Discard it.
                    senderLimited++;
                    BandwidthLog.SenderLimited(_logger, rate, result.AchievedRateBitsPerSecond);
                    continue;
                }

                tally.Add(TrendAnalyzer.Analyze(result.OneWayDelays.Span, request.PacketCount, o.Trend).Verdict);
            }

            bytes += fleetBytes;
            var outcome = new FleetOutcome(rate, tally.Verdict, tally.Increasing, tally.NonIncreasing, tally.Ambiguous, fleetBytes);
            fleets.Add(outcome);
            BandwidthLog.Fleet(_logger, rate, outcome.Verdict, outcome.Increasing, outcome.NonIncreasing, outcome.Ambiguous);
            if (!tally.IsDecided)
            {
                reason = outOfBudget ? EstimateStopReason.ProbeBudgetExhausted : EstimateStopReason.SenderLimited;
                break;
            }

            search.Record(rate, tally.Verdict);
        }

        bool converged = reason is EstimateStopReason.Resolution or EstimateStopReason.GreyRegion
            or EstimateStopReason.AboveMaximumRate or EstimateStopReason.BelowMinimumRate;
        var estimate = new AvailableBandwidthEstimate(
            new DataRate(search.Low),
            new DataRate(search.High),
            streams,
            bytes,
            _time.GetElapsedTime(started),
            converged,
            reason,
            clock,
            fleets);
        BandwidthLog.Estimated(_logger, search.Low, search.High, reason, fleets.Count, bytes, clock);
        return estimate;
    }
}
