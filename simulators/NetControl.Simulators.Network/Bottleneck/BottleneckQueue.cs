namespace NetControl.Simulators.Network.Bottleneck;

/// <summary>
/// The FIFO drop-tail bottleneck as a pure model over timestamps (ticks of a given frequency). A single server
/// FIFO is fully described by the time its backlog drains, so no packets are stored: the bytes ahead of an
/// arrival are (drain time - arrival) · capacity. Cross traffic is fed in lazily, up to each real arrival.
/// Not thread-safe.
/// </summary>
internal sealed class BottleneckQueue
{
    private readonly BottleneckSettings _settings;
    private readonly double _ticksPerByte;
    private readonly double _limitBytes;
    private readonly double _maxIdleTicks;
    private readonly CrossTrafficSource? _cross;
    private double _drainTick;

    public BottleneckQueue(BottleneckSettings settings, long frequency, Random random, long startTick)
    {
        _settings = settings;
        _ticksPerByte = 8.0 * frequency / settings.Capacity.BitsPerSecond;
        _limitBytes = settings.LimitBytes;

        // After this long without real arrivals, older cross traffic cannot affect the queue any more.
        _maxIdleTicks = (_limitBytes * _ticksPerByte) + frequency;
        _drainTick = startTick;
        _cross = settings.CrossTraffic is { } cross && cross.Rate.BitsPerSecond > 0
            ? new CrossTrafficSource(cross, frequency, random, startTick)
            : null;
    }

    public long CrossOffered { get; private set; }

    public long CrossDropped { get; private set; }

    /// <summary>Offers a real datagram of <paramref name="payloadBytes"/> arriving at <paramref name="arrivalTick"/>.</summary>
    /// <returns>False when the queue drops it; else <paramref name="departTick"/> is when its last bit leaves.</returns>
    public bool Offer(long arrivalTick, int payloadBytes, out long departTick)
    {
        AdvanceCrossTraffic(arrivalTick);
        if (Admit(arrivalTick, payloadBytes + _settings.PerPacketOverheadBytes, out var depart))
        {
            departTick = (long)Math.Ceiling(depart);
            return true;
        }

        departTick = 0;
        return false;
    }

    /// <summary>Bytes queued or in service at <paramref name="tick"/> (after cross traffic up to it).</summary>
    public double BacklogBytes(long tick)
    {
        AdvanceCrossTraffic(tick);
        return Math.Max(0, _drainTick - tick) / _ticksPerByte;
    }

    private void AdvanceCrossTraffic(long tick)
    {
        if (_cross is null)
        {
            return;
        }

        _cross.SkipTo(tick - _maxIdleTicks);
        while (_cross.NextArrival <= tick)
        {
            CrossOffered++;
            if (!Admit(_cross.NextArrival, _cross.PacketSize, out _))
            {
                CrossDropped++;
            }

            _cross.Advance();
        }
    }

    private bool Admit(double arrival, int wireBytes, out double depart)
    {
        var start = Math.Max(arrival, _drainTick);
        var aheadBytes = (start - arrival) / _ticksPerByte;
        if (aheadBytes > 0 && aheadBytes + wireBytes > _limitBytes)
        {
            depart = 0;
            return false;
        }

        depart = start + (wireBytes * _ticksPerByte);
        _drainTick = depart;
        return true;
    }
}
