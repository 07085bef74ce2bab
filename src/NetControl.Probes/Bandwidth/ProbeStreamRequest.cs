namespace NetControl.Probes.Bandwidth;

/// <summary>One periodic stream to send: <paramref name="PacketCount"/> packets of <paramref name="PacketSize"/> payload bytes at <paramref name="RateBitsPerSecond"/>.</summary>
/// <param name="RateBitsPerSecond">Stream rate in payload bit/s; the packet period is <c>PacketSize x 8 / rate</c>.</param>
/// <param name="PacketSize">UDP payload bytes per packet.</param>
/// <param name="PacketCount">Packets in the stream.</param>
public sealed record ProbeStreamRequest(double RateBitsPerSecond, int PacketSize, int PacketCount)
{
    /// <summary>Time between consecutive packet sends.</summary>
    public TimeSpan Period => TimeSpan.FromSeconds(PacketSize * 8.0 / RateBitsPerSecond);

    /// <summary>Payload bytes the stream sends.</summary>
    public long Bytes => (long)PacketSize * PacketCount;
}
