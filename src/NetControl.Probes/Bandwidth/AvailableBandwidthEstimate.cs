using NetControl.Core.Units;

namespace NetControl.Probes.Bandwidth;

/// <summary>
/// An available-bandwidth estimate as a range: the available bandwidth lies in [<see cref="Low"/>,
/// <see cref="High"/>] (when <see cref="Converged"/>; see <see cref="Reason"/> for bounds that are only
/// search limits). Rates are UDP payload bit/s.
/// </summary>
/// <param name="Low">Lower end of the range.</param>
/// <param name="High">Upper end of the range.</param>
/// <param name="Streams">Streams sent in all fleets.</param>
/// <param name="BytesSent">Probe payload bytes sent (report traffic excluded).</param>
/// <param name="Duration">Wall time of the estimate.</param>
/// <param name="Converged">True when the search stopped on its own terms (resolution, grey region, a search limit), not for lack of budget, fleets or sender speed.</param>
/// <param name="Reason">Why the search stopped.</param>
/// <param name="Clock">Clock that stamped the arrivals.</param>
/// <param name="Fleets">Every fleet in order, for diagnosis.</param>
public sealed record AvailableBandwidthEstimate(
    DataRate Low,
    DataRate High,
    int Streams,
    long BytesSent,
    TimeSpan Duration,
    bool Converged,
    EstimateStopReason Reason,
    ReceiveTimestampClock Clock,
    IReadOnlyList<FleetOutcome> Fleets)
{
    /// <summary>Geometric middle of the range, a single figure for display.</summary>
    public DataRate Mid => new(Math.Sqrt(Low.BitsPerSecond * High.BitsPerSecond));

    /// <summary>True when the range contains <paramref name="rate"/> widened by <paramref name="tolerance"/> (0.15 = 15%).</summary>
    public bool Contains(DataRate rate, double tolerance = 0) =>
        Low.BitsPerSecond <= rate.BitsPerSecond * (1 + tolerance) && High.BitsPerSecond >= rate.BitsPerSecond * (1 - tolerance);
}
