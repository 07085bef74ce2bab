namespace NetControl.Probes.Bandwidth;

/// <summary>What one periodic stream measured.</summary>
/// <param name="Request">The stream that was asked for.</param>
/// <param name="OneWayDelays">One-way delays in seconds of the received packets, in send order, lost packets omitted. Relative: a constant clock offset does not matter.</param>
/// <param name="AchievedRateBitsPerSecond">Rate the sender actually paced, from its recorded first and last send times.</param>
/// <param name="BytesSent">Probe payload bytes sent.</param>
/// <param name="Duration">Time from the first send to the last.</param>
/// <param name="Clock">Clock that stamped the arrivals.</param>
public sealed record ProbeStreamResult(
    ProbeStreamRequest Request,
    ReadOnlyMemory<double> OneWayDelays,
    double AchievedRateBitsPerSecond,
    long BytesSent,
    TimeSpan Duration,
    ReceiveTimestampClock Clock)
{
    /// <summary>Packets that arrived.</summary>
    public int Received => OneWayDelays.Length;

    /// <summary>Packets that did not arrive within the receiver's wait.</summary>
    public int Lost => Request.PacketCount - OneWayDelays.Length;
}
