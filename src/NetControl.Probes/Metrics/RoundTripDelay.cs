using NetControl.Probes.Stamp;

namespace NetControl.Probes.Metrics;

/// <summary>
/// STAMP round-trip delay, (T4 - T1) - (T3 - T2) (RFC 8762 section 4; RFC 2681 with the reflector's residence time
/// removed). T1 and T4 are read on the sender's clock, T2 and T3 on the reflector's, so no clock synchronisation is
/// needed. Undefined for a lost packet: callers never substitute a large value.
/// </summary>
public static class RoundTripDelay
{
    /// <summary>The round-trip delay in nanoseconds; <paramref name="reflectorPtp"/> says T2 and T3 are PTP-format (their error estimate's Z bit).</summary>
    public static long Nanoseconds(NtpTimestamp t1, NtpTimestamp t2, NtpTimestamp t3, NtpTimestamp t4, bool reflectorPtp = false)
    {
        var total = NtpTimestamp.DifferenceInNanoseconds(t4, t1);
        var residence = reflectorPtp
            ? ((long)(int)(t3.Seconds - t2.Seconds) * 1_000_000_000) + ((long)t3.Fraction - t2.Fraction)
            : NtpTimestamp.DifferenceInNanoseconds(t3, t2);
        return total - residence;
    }

    /// <summary>The round-trip delay rounded to the nearest 100 ns tick.</summary>
    public static TimeSpan Compute(NtpTimestamp t1, NtpTimestamp t2, NtpTimestamp t3, NtpTimestamp t4, bool reflectorPtp = false) =>
        TimeSpan.FromTicks((long)Math.Round(Nanoseconds(t1, t2, t3, t4, reflectorPtp) / 100.0, MidpointRounding.AwayFromZero));
}
