namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// The octet counters of one port (ifHCInOctets / ifHCOutOctets): each direction counts at a fixed rate while it
/// carries light, from the elapsed time of the agent's clock, so a poller reading twice sees that rate. Integrated
/// lazily: every <see cref="Advance"/> adds the time since the previous one at the carrying state seen then, and
/// records the new state. Thread-safe.
/// </summary>
internal sealed class PortTraffic(double octetsPerSecond, long startTimestamp, TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _last = startTimestamp;
    private bool _inCarrying;
    private bool _outCarrying;
    private ulong _inOctets;
    private ulong _outOctets;
    private double _inFraction;
    private double _outFraction;

    /// <summary>Counts up to <paramref name="timestamp"/>, then carries on with the given state; returns the counters.</summary>
    public (ulong In, ulong Out) Advance(bool inCarrying, bool outCarrying, long timestamp)
    {
        lock (_gate)
        {
            if (timestamp > _last)
            {
                double octets = time.GetElapsedTime(_last, timestamp).TotalSeconds * octetsPerSecond;
                if (_inCarrying)
                {
                    Add(ref _inOctets, ref _inFraction, octets);
                }

                if (_outCarrying)
                {
                    Add(ref _outOctets, ref _outFraction, octets);
                }

                _last = timestamp;
            }

            _inCarrying = inCarrying;
            _outCarrying = outCarrying;
            return (_inOctets, _outOctets);
        }
    }

    private static void Add(ref ulong whole, ref double fraction, double octets)
    {
        double total = fraction + octets;
        double floor = Math.Floor(total);
        whole = unchecked(whole + (ulong)floor);
        fraction = total - floor;
    }
}
