using NetControl.Core.Reservations;
using static NetControl.Core.Tests.Reservations.Calendars;

namespace NetControl.Core.Tests.Reservations;

public class TimeWindowTests
{
    [Theory]
    [InlineData(0, 2, 1, 3, true)]
    [InlineData(0, 2, 2, 3, false)]
    [InlineData(2, 3, 0, 2, false)]
    [InlineData(0, 4, 1, 2, true)]
    [InlineData(0, null, 100, 101, true)]
    [InlineData(5, null, 0, 5, false)]
    [InlineData(5, null, 0, null, true)]
    public void Overlaps_Windows_IsSymmetricAndHalfOpen(int s1, int? e1, int s2, int? e2, bool expected)
    {
        Assert.Equal(expected, W(s1, e1).Overlaps(W(s2, e2)));
        Assert.Equal(expected, W(s2, e2).Overlaps(W(s1, e1)));
    }

    [Fact]
    public void Contains_StartAndEnd_StartInEndOut()
    {
        var w = W(1, 2);
        Assert.True(w.Contains(H(1)));
        Assert.False(w.Contains(H(2)));
        Assert.True(TimeWindow.From(H(1)).Contains(H(1e6)));
    }

    [Fact]
    public void ToString_OpenWindow_SaysOpen()
    {
        Assert.Equal("[2026-11-23T12:00:00Z, open)", TimeWindow.From(T0).ToString());
        Assert.Equal("[2026-11-23T12:00:00Z, 2026-11-23T13:30:00Z)", W(0, 1.5).ToString());
    }
}
