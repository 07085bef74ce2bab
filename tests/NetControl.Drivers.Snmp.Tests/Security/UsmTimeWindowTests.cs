using NetControl.Drivers.Snmp.Security;
using NetControl.Tests.Shared;

namespace NetControl.Drivers.Snmp.Tests.Security;

public sealed class UsmTimeWindowTests
{
    private readonly ManualTimeProvider _clock = new();

    [Theory]
    [InlineData(5, 1000, 5, 1000, true)]
    [InlineData(5, 1000, 5, 1150, true)]
    [InlineData(5, 1000, 5, 850, true)]
    [InlineData(5, 1000, 5, 1151, false)]
    [InlineData(5, 1000, 5, 849, false)]
    [InlineData(5, 1000, 4, 1000, false)]
    [InlineData(5, 1000, 6, 1000, false)]
    [InlineData(int.MaxValue, 1000, int.MaxValue, 1000, false)]
    [InlineData(5, 0, 5, int.MaxValue, false)]
    public void IsInWindowAuthoritative_BootsAndTime_AsRfc3414(int localBoots, int localTime, int msgBoots, int msgTime, bool expected)
    {
        Assert.Equal(expected, UsmTimeWindow.IsInWindowAuthoritative(localBoots, localTime, msgBoots, msgTime));
    }

    [Fact]
    public void Estimate_BeforeUpdate_Throws()
    {
        var window = new UsmTimeWindow(_clock);

        Assert.False(window.IsSynchronized);
        Assert.Throws<InvalidOperationException>(() => window.Estimate());
    }

    [Fact]
    public void IsInWindow_BeforeUpdate_False()
    {
        Assert.False(new UsmTimeWindow(_clock).IsInWindow(1, 1));
    }

    [Fact]
    public void Estimate_AfterUpdate_AdvancesWithLocalClockInWholeSeconds()
    {
        var window = new UsmTimeWindow(_clock);
        window.Update(3, 500);

        Assert.Equal((3, 500), window.Estimate());
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal((3, 500), window.Estimate());
        _clock.Advance(TimeSpan.FromSeconds(99.001));
        Assert.Equal((3, 600), window.Estimate());
        Assert.True(window.IsSynchronized);
    }

    [Fact]
    public void Update_OlderTimeSameBoots_Ignored()
    {
        var window = new UsmTimeWindow(_clock);
        window.Update(3, 500);
        _clock.Advance(TimeSpan.FromSeconds(10));

        window.Update(3, 400);

        Assert.Equal((3, 510), window.Estimate());
    }

    [Fact]
    public void Update_LaterTimeSameBoots_RestartsFromIt()
    {
        var window = new UsmTimeWindow(_clock);
        window.Update(3, 500);
        _clock.Advance(TimeSpan.FromSeconds(10));

        window.Update(3, 505);

        Assert.Equal((3, 505), window.Estimate());
    }

    [Fact]
    public void Update_GreaterBoots_TakenEvenWithSmallerTime()
    {
        var window = new UsmTimeWindow(_clock);
        window.Update(3, 500);

        window.Update(4, 2);

        Assert.Equal((4, 2), window.Estimate());
    }

    [Fact]
    public void Update_SmallerBoots_Ignored()
    {
        var window = new UsmTimeWindow(_clock);
        window.Update(3, 500);

        window.Update(2, 9000);

        Assert.Equal((3, 500), window.Estimate());
    }

    [Fact]
    public void Update_Negative_Throws()
    {
        var window = new UsmTimeWindow(_clock);

        Assert.Throws<ArgumentOutOfRangeException>(() => window.Update(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => window.Update(0, -1));
    }

    [Fact]
    public void IsInWindow_TimeTrailingEstimate_FalseBeyond150Seconds()
    {
        var window = new UsmTimeWindow(_clock);
        window.Update(3, 500);
        _clock.Advance(TimeSpan.FromSeconds(1000)); // estimate 1500

        Assert.True(window.IsInWindow(3, 1350));
        Assert.False(window.IsInWindow(3, 1349));
        Assert.True(window.IsInWindow(3, 9999)); // ahead is fine on this side
    }

    [Fact]
    public void IsInWindow_BootsLowerOrHigher_FalseThenTrue()
    {
        var window = new UsmTimeWindow(_clock);
        window.Update(3, 500);

        Assert.False(window.IsInWindow(2, 500));
        Assert.True(window.IsInWindow(4, 0));
    }

    [Fact]
    public void IsInWindow_RemoteBootsLatchedAtMax_False()
    {
        var window = new UsmTimeWindow(_clock);
        window.Update(UsmTimeWindow.MaxBoots, 10);

        Assert.False(window.IsInWindow(UsmTimeWindow.MaxBoots, 10));
    }

    [Fact]
    public void UpdateThenIsInWindow_NewerMessageAfterLongSilence_AcceptedAsRfcOrders()
    {
        var window = new UsmTimeWindow(_clock);
        window.Update(3, 100);
        _clock.Advance(TimeSpan.FromSeconds(1000)); // estimate 1100

        window.Update(3, 200); // newer than the latest received: RFC 3414 3.2.7.b takes it

        Assert.True(window.IsInWindow(3, 200));
        Assert.Equal((3, 200), window.Estimate());
    }
}
