using NetControl.Probes.Stamp;

namespace NetControl.Probes.Tests.Stamp;

public sealed class ErrorEstimateTests
{
    [Fact]
    public void FromValue_AllBitsSet_DecodesEveryField()
    {
        var estimate = ErrorEstimate.FromValue(0xFFFF);

        Assert.True(estimate.Synchronized);
        Assert.True(estimate.PtpFormat);
        Assert.Equal(63, estimate.Scale);
        Assert.Equal(255, estimate.Multiplier);
    }

    [Fact]
    public void Value_SynchronizedScale18Multiplier1_Is0x9201()
    {
        Assert.Equal(0x9201, new ErrorEstimate(true, false, 0x12, 1).Value);
    }

    [Fact]
    public void Seconds_Scale32Multiplier3_IsThreeSeconds()
    {
        Assert.Equal(3.0, new ErrorEstimate(false, false, 32, 3).Seconds);
    }

    [Fact]
    public void Seconds_Scale0Multiplier1_Is2ToTheMinus32()
    {
        Assert.Equal(Math.ScaleB(1.0, -32), new ErrorEstimate(false, false, 0, 1).Seconds);
    }

    [Fact]
    public void FromValue_EveryValue_RoundTrips()
    {
        for (var value = 0; value <= ushort.MaxValue; value++)
        {
            Assert.Equal((ushort)value, ErrorEstimate.FromValue((ushort)value).Value);
        }
    }

    [Fact]
    public void Constructor_ScaleAbove63_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ErrorEstimate(false, false, 64, 1));
    }
}
