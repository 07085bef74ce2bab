using NetControl.Probes.Metrics;
using NetControl.Probes.Stamp;

namespace NetControl.Probes.Tests.Metrics;

public sealed class RoundTripDelayTests
{
    [Fact]
    public void Compute_UnsynchronisedClocks_RemovesReflectorResidence()
    {
        var t1 = new NtpTimestamp(1000, 0);
        var t2 = new NtpTimestamp(5000, 0);             // the reflector's clock is 4000 s off: irrelevant
        var t3 = new NtpTimestamp(5000, 0x4000_0000);   // + 250 ms residence
        var t4 = new NtpTimestamp(1001, 0x8000_0000);   // + 1.5 s after T1

        Assert.Equal(TimeSpan.FromMilliseconds(1250), RoundTripDelay.Compute(t1, t2, t3, t4));
        Assert.Equal(1_250_000_000, RoundTripDelay.Nanoseconds(t1, t2, t3, t4));
    }

    [Fact]
    public void Compute_PtpReflectorTimestamps_ReadsNanosecondFraction()
    {
        var t1 = new NtpTimestamp(1000, 0);
        var t2 = new NtpTimestamp(100, 500_000_000);    // PTP: seconds + nanoseconds
        var t3 = new NtpTimestamp(101, 250_000_000);    // + 750 ms residence
        var t4 = new NtpTimestamp(1001, 0x8000_0000);

        Assert.Equal(TimeSpan.FromMilliseconds(750), RoundTripDelay.Compute(t1, t2, t3, t4, reflectorPtp: true));
    }

    [Fact]
    public void Compute_SubTickDelay_RoundsToNearestTick()
    {
        var t1 = NtpTimestamp.FromUnixNanoseconds(1_000_000_000);
        var t4 = NtpTimestamp.FromUnixNanoseconds(1_000_000_151);

        Assert.Equal(151, RoundTripDelay.Nanoseconds(t1, t1, t1, t4));
        Assert.Equal(TimeSpan.FromTicks(2), RoundTripDelay.Compute(t1, t1, t1, t4));
    }
}
