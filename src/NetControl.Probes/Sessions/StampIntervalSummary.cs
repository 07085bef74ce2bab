using NetControl.Probes.Metrics;
using NetControl.Probes.Timestamps;

namespace NetControl.Probes.Sessions;

/// <summary>
/// What a STAMP session measured for the packets sent in one reporting interval, produced once every one of them is
/// resolved (replied to, or lost because Tmax passed). <c>Sent == Received + Lost</c>.
/// </summary>
/// <param name="Start">Start of the interval (sender's <see cref="TimeProvider"/>).</param>
/// <param name="End">End of the interval (the last one of a finite session ends when it is flushed).</param>
/// <param name="Sent">Test packets sent in the interval.</param>
/// <param name="Received">Of those, how many were answered within Tmax (duplicates count once).</param>
/// <param name="Lost">Of those, how many were not answered within Tmax (RFC 7680).</param>
/// <param name="Late">Of the lost, how many were answered after Tmax (still lost; their delay is not used).</param>
/// <param name="Duplicates">Extra copies of replies already counted.</param>
/// <param name="Reordered">Replies that arrived after a reply to a later-sent packet (RFC 4737).</param>
/// <param name="Rtt">Round-trip delay statistics of the received packets, null when none was received.</param>
/// <param name="Jitter">RFC 3550 interarrival jitter of the round-trip delay, running over the session in arrival order, as it stood after this interval's last reply; null when none was received.</param>
/// <param name="Ipdv">IPDV over consecutive-sequence pairs inside the interval, null when no pair was complete.</param>
/// <param name="Clock">The receive clock of the T4 timestamps: the least precise one used for a received packet, else the receiver's configured clock.</param>
public sealed record StampIntervalSummary(
    DateTimeOffset Start,
    DateTimeOffset End,
    long Sent,
    long Received,
    long Lost,
    long Late,
    long Duplicates,
    long Reordered,
    DelayStatistics? Rtt,
    TimeSpan? Jitter,
    IpdvStatistics? Ipdv,
    ReceiveClock Clock)
{
    /// <summary>Lost / Sent (0 when nothing was sent).</summary>
    public double LossRatio => PacketLoss.Ratio(Lost, Sent);

    /// <summary>PDV as owping reports it: P95 - P50 of the round-trip delay, null when none was received.</summary>
    public TimeSpan? Pdv => Rtt?.Pdv;
}
