namespace NetControl.Probes.Metrics;

/// <summary>
/// RFC 7680 loss over a stream: a packet not received within the waiting time Tmax is lost (a reply that comes later
/// is still a loss, never a large delay); duplicates count once as received.
/// </summary>
public static class PacketLoss
{
    /// <summary>lost / sent, 0 when nothing was sent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or more were lost than sent.</exception>
    public static double Ratio(long lost, long sent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lost);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lost, sent);
        return sent == 0 ? 0 : (double)lost / sent;
    }

    /// <summary>True when a packet sent at <paramref name="sentTimestamp"/> is lost by <paramref name="nowTimestamp"/> (both from <paramref name="time"/>): Tmax has fully elapsed.</summary>
    public static bool IsExpired(TimeProvider time, long sentTimestamp, long nowTimestamp, TimeSpan tmax)
    {
        ArgumentNullException.ThrowIfNull(time);
        return time.GetElapsedTime(sentTimestamp, nowTimestamp) >= tmax;
    }
}
