namespace NetControl.Drivers.Snmp.Monitoring;

/// <summary>Rates from two reads of an RFC 2863 octet counter: pure arithmetic, shared by the pollers and their tests.</summary>
public static class OctetCounterRate
{
    /// <summary>
    /// Bits per second between two reads <paramref name="seconds"/> apart. The unsigned difference wraps once past
    /// 2^64 (a Counter64 that passed its maximum between the reads counts the octets on both sides of the wrap); a
    /// counter that wrapped more than once, or was reset, reads as whatever the difference says, as RFC 2863 allows
    /// (a discontinuity is for ifCounterDiscontinuityTime to tell, not read here).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seconds"/> is not positive.</exception>
    public static double BitsPerSecond(ulong before, ulong after, double seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        return unchecked(after - before) * 8.0 / seconds;
    }
}
