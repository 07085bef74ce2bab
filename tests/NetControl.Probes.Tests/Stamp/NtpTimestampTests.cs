using NetControl.Probes.Stamp;

namespace NetControl.Probes.Tests.Stamp;

public sealed class NtpTimestampTests
{
    [Fact]
    public void FromDateTimeOffset_UnixEpoch_IsNtpSeconds2208988800()
    {
        var ntp = NtpTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch);

        Assert.Equal(new NtpTimestamp(0x83AA7E80, 0), ntp);
    }

    [Fact]
    public void FromDateTimeOffset_HalfSecond_SetsTopFractionBit()
    {
        var ntp = NtpTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddMilliseconds(500));

        Assert.Equal(0x8000_0000u, ntp.Fraction);
    }

    [Fact]
    public void FromUnixNanoseconds_OneMicrosecond_RoundsFractionToNearest()
    {
        // 2^32 / 10^6 = 4294.967296
        Assert.Equal(4295u, NtpTimestamp.FromUnixNanoseconds(1_000).Fraction);
    }

    [Fact]
    public void ToDateTimeOffset_SecondsWithTopBitClear_IsEra1After2036()
    {
        var ntp = new NtpTimestamp(0, 0);

        Assert.Equal(new DateTimeOffset(2036, 2, 7, 6, 28, 16, TimeSpan.Zero), ntp.ToDateTimeOffset());
    }

    [Fact]
    public void FromDateTimeOffset_After2036_WrapsSeconds()
    {
        var ntp = NtpTimestamp.FromDateTimeOffset(new DateTimeOffset(2036, 2, 7, 6, 28, 17, TimeSpan.Zero));

        Assert.Equal(new NtpTimestamp(1, 0), ntp);
    }

    [Fact]
    public void FromDateTimeOffset_OutsideEras_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NtpTimestamp.FromDateTimeOffset(new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void ToDateTimeOffset_RandomTicks_RoundTripsExactly()
    {
        var random = new Random(8762);
        var from = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        var to = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        for (var i = 0; i < 10_000; i++)
        {
            var instant = new DateTimeOffset(random.NextInt64(from, to), TimeSpan.Zero);

            Assert.Equal(instant, NtpTimestamp.FromDateTimeOffset(instant).ToDateTimeOffset());
        }
    }

    [Fact]
    public void ToUnixNanoseconds_RandomNanoseconds_RoundTripsExactly()
    {
        var random = new Random(5357);
        for (var i = 0; i < 10_000; i++)
        {
            var nanoseconds = random.NextInt64(0, 4_000_000_000L * 1_000_000_000);

            Assert.Equal(nanoseconds, NtpTimestamp.FromUnixNanoseconds(nanoseconds).ToUnixNanoseconds());
        }
    }

    [Fact]
    public void FromUnixNanoseconds_OneNanosecondBelowASecond_RoundsFraction()
    {
        // 0.999999999 * 2^32 = 4294967291.705
        var ntp = NtpTimestamp.FromUnixNanoseconds(999_999_999_999);

        Assert.Equal(new NtpTimestamp(0x83AA7E80 + 999, 4_294_967_292), ntp);
    }

    [Fact]
    public void DifferenceInNanoseconds_AcrossThe2036Wrap_IsSmallAndPositive()
    {
        var before = new NtpTimestamp(0xFFFF_FFFF, 0x8000_0000);
        var after = new NtpTimestamp(0, 0x4000_0000);

        Assert.Equal(750_000_000, NtpTimestamp.DifferenceInNanoseconds(after, before));
        Assert.Equal(-750_000_000, NtpTimestamp.DifferenceInNanoseconds(before, after));
    }

    [Fact]
    public void WriteTo_Value_IsBigEndianSecondsThenFraction()
    {
        var bytes = new byte[8];

        new NtpTimestamp(0x01020304, 0x05060708).WriteTo(bytes);

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, bytes);
        Assert.Equal(new NtpTimestamp(0x01020304, 0x05060708), NtpTimestamp.ReadFrom(bytes));
    }
}
