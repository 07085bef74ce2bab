using NetControl.Probes.Bandwidth;

namespace NetControl.Probes.Tests.Bandwidth;

/// <summary>Runs probe streams through a <see cref="BottleneckQueueModel"/> instead of a network.</summary>
internal sealed class QueueModelTransport(BottleneckQueueModel model) : IProbeStreamTransport
{
    public ReceiveTimestampClock Clock => ReceiveTimestampClock.Simulated;

    public int Streams { get; private set; }

    public long BytesSent { get; private set; }

    public Task<ProbeStreamResult> SendStreamAsync(ProbeStreamRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        double[] delays = model.Delays(request.RateBitsPerSecond, request.PacketSize, request.PacketCount);
        Streams++;
        BytesSent += request.Bytes;
        var duration = TimeSpan.FromSeconds((request.PacketCount - 1) * request.PacketSize * 8.0 / request.RateBitsPerSecond);
        return Task.FromResult(new ProbeStreamResult(request, delays, request.RateBitsPerSecond, request.Bytes, duration, Clock));
    }
}
