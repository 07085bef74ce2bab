using NetControl.Probes.Bandwidth;
using NetControl.Probes.Sessions;
using NetControl.Simulators.Network.Truth;

namespace NetControl.Benchmarking.Probes;

/// <summary>What our probes measured on one grid point, beside the emulated links' ground truth.</summary>
/// <param name="Point">The configured point.</param>
/// <param name="Stamp">The STAMP session's one summary.</param>
/// <param name="StampTruth">What the STAMP link did.</param>
/// <param name="Bandwidth">The available-bandwidth estimate.</param>
/// <param name="BandwidthTruth">What the bandwidth link did.</param>
/// <param name="PayloadBytes">UDP payload of a bandwidth probe packet.</param>
/// <param name="RelayOverheadUs">The RTT median error measured the same way on an unimpaired link in this run: context for the errors, never subtracted.</param>
public sealed record ProbePointResult(
    AccuracyPoint Point,
    StampIntervalSummary Stamp,
    LinkTruth StampTruth,
    AvailableBandwidthEstimate Bandwidth,
    LinkTruth BandwidthTruth,
    int PayloadBytes,
    double RelayOverheadUs)
{
    /// <summary>
    /// The link's median round trip: each direction's median applied delay (scheduled release minus arrival) plus its
    /// median release error (actual send minus scheduled, measured by the relay), summed over both directions.
    /// </summary>
    public double TruthRttMedianMs => (StampTruth.MedianAppliedRoundTrip + StampTruth.Forward.ReleaseError.Median + StampTruth.Reverse.ReleaseError.Median).TotalMilliseconds;

    /// <summary>
    /// The link's mean round trip: applied delay plus release error, means of each direction summed. Means add up
    /// exactly where medians only approximately do (the relay's release noise is skewed), but they are dominated by
    /// stalls, and the relay's receive-side wake-up delay is in neither truth: a diagnostic, not the target.
    /// </summary>
    public double TruthRttMeanMs => (StampTruth.Forward.AppliedDelay.Mean + StampTruth.Forward.ReleaseError.Mean + StampTruth.Reverse.AppliedDelay.Mean + StampTruth.Reverse.ReleaseError.Mean).TotalMilliseconds;

    public double RttMeanErrorUs => (Stamp.Rtt!.Mean.TotalMilliseconds - TruthRttMeanMs) * 1000;

    /// <summary>Median release error of both directions together.</summary>
    public double ReleaseErrorUs => (StampTruth.Forward.ReleaseError.Median + StampTruth.Reverse.ReleaseError.Median).TotalMicroseconds;

    /// <summary>Our RTT median minus the truth.</summary>
    public double RttMedianErrorUs => (Stamp.Rtt!.Median.TotalMilliseconds - TruthRttMedianMs) * 1000;

    public double TruthJitterMs => JitterTruth.ExpectedRfc3550Ms(Point.JitterMs);

    /// <summary>Packets the link dropped by its loss model, both directions (forward drops never reach the reverse).</summary>
    public long TruthLost => StampTruth.Forward.DroppedRandomLoss + StampTruth.Forward.DroppedBurstLoss + StampTruth.Reverse.DroppedRandomLoss + StampTruth.Reverse.DroppedBurstLoss;

    public (long Low, long High) LossInterval => BinomialInterval.Central95(Stamp.Sent, Point.RoundTripLoss);

    public bool LossInInterval => Stamp.Lost >= LossInterval.Low && Stamp.Lost <= LossInterval.High;

    /// <summary>Truth in the estimator's unit: available wire bit/s times payload / (payload + 28).</summary>
    public double TruthAvailablePayloadMbps => Point.AvailableMbps * PayloadBytes / (PayloadBytes + 28.0);

    public double BandwidthMidErrorPercent => ((Bandwidth.Mid.BitsPerSecond / 1e6) - TruthAvailablePayloadMbps) / TruthAvailablePayloadMbps * 100;

    /// <summary>The middle of the range is within 15% of the truth (the target).</summary>
    public bool BandwidthWithin15Percent => Math.Abs(BandwidthMidErrorPercent) <= 15;

    /// <summary>The range, widened by 15%, contains the truth (weaker: a wide range passes).</summary>
    public bool BandwidthRangeContains => Bandwidth.Contains(NetControl.Core.Units.DataRate.FromMbps(TruthAvailablePayloadMbps), 0.15);
}
