namespace NetControl.Probes.Bandwidth;

/// <summary>One fleet of the search: its rate, verdict and stream tally.</summary>
/// <param name="RateBitsPerSecond">Requested stream rate.</param>
/// <param name="Verdict">Fleet verdict.</param>
/// <param name="Increasing">Streams judged increasing.</param>
/// <param name="NonIncreasing">Streams judged non-increasing.</param>
/// <param name="Ambiguous">Streams judged ambiguous.</param>
/// <param name="BytesSent">Probe payload bytes the fleet sent, discarded (sender-limited) streams included.</param>
public sealed record FleetOutcome(double RateBitsPerSecond, FleetVerdict Verdict, int Increasing, int NonIncreasing, int Ambiguous, long BytesSent)
{
    /// <summary>Streams the fleet counted (it stops early once its verdict cannot change; discarded streams are not counted).</summary>
    public int Counted => Increasing + NonIncreasing + Ambiguous;
}
