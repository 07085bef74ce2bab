using NetControl.Probes.Timestamps;

namespace NetControl.Benchmarking.Probes;

/// <summary>One step of the probes/s ramp.</summary>
/// <param name="Sessions">Concurrent sessions.</param>
/// <param name="Sent">Test packets sent by all sessions.</param>
/// <param name="Lost">Of those, not answered within Tmax.</param>
/// <param name="PacketsPerSecondWall">Sent over the whole wall time (send plus the wait for the last replies).</param>
/// <param name="PacketsPerSecond">Sent over the time until the last packet was sent (polled every 2 ms).</param>
/// <param name="WallSeconds">Wall time of the step.</param>
/// <param name="RttMedian">Median over sessions of each session's RTT median.</param>
/// <param name="ReflectorReceived">Datagrams the reflector took.</param>
/// <param name="Clock">Receive clock of the senders.</param>
public sealed record ProbeRateStep(int Sessions, long Sent, long Lost, double PacketsPerSecondWall, double PacketsPerSecond, double WallSeconds, TimeSpan RttMedian, long ReflectorReceived, ReceiveClock Clock)
{
    public double LossRatio => Sent == 0 ? 0 : (double)Lost / Sent;
}
