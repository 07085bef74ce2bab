using NetControl.Probes.Metrics;
using NetControl.Tests.Shared;

namespace NetControl.Probes.Tests.Metrics;

public sealed class PacketLossTests
{
    [Fact]
    public void Ratio_TenOfFifty_IsExactlyPointTwo()
    {
        Assert.Equal(0.2, PacketLoss.Ratio(10, 50));
    }

    [Fact]
    public void Ratio_NothingSent_IsZero()
    {
        Assert.Equal(0, PacketLoss.Ratio(0, 0));
    }

    [Fact]
    public void Ratio_MoreLostThanSent_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PacketLoss.Ratio(2, 1));
    }

    [Fact]
    public void IsExpired_AtTmax_IsTrueJustBeforeIsFalse()
    {
        var time = new ManualTimeProvider();
        var sent = time.GetTimestamp();

        time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromTicks(1));
        Assert.False(PacketLoss.IsExpired(time, sent, time.GetTimestamp(), TimeSpan.FromSeconds(2)));

        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(PacketLoss.IsExpired(time, sent, time.GetTimestamp(), TimeSpan.FromSeconds(2)));
    }
}
