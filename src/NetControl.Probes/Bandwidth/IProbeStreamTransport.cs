namespace NetControl.Probes.Bandwidth;

/// <summary>
/// Sends one periodic probe stream and returns the one-way delays it saw. The estimator needs nothing else,
/// so the same search runs over a UDP socket (<see cref="UdpStreamProber"/>), a link emulator or a queue model.
/// </summary>
public interface IProbeStreamTransport
{
    /// <summary>Clock that stamps arrivals (reported in every estimate).</summary>
    ReceiveTimestampClock Clock { get; }

    /// <summary>Sends the stream and collects its delays; throws <see cref="BandwidthProbeException"/> when the far end does not answer.</summary>
    Task<ProbeStreamResult> SendStreamAsync(ProbeStreamRequest request, CancellationToken cancellationToken);
}
