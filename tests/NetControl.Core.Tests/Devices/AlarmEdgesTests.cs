using NetControl.Core.Devices;

namespace NetControl.Core.Tests.Devices;

public sealed class AlarmEdgesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Next_PolledLevels_RaisedOnceThenClearedWhenNoLongerListed()
    {
        var edges = new AlarmEdges();

        var first = edges.Next(Poll("GG-1", At, "10001"));
        var again = edges.Next(Poll("GG-1", At.AddSeconds(1), "10001"));
        var other = edges.Next(Poll("GG-2", At.AddSeconds(1)));
        var cleared = edges.Next(Poll("GG-1", At.AddSeconds(2)));

        Assert.Equal("10001", Assert.Single(first).Entity);
        Assert.Empty(again);
        Assert.Empty(other);
        var clear = Assert.Single(cleared);
        Assert.True(clear.IsCleared);
        Assert.Equal(At.AddSeconds(2), clear.OccurredAt);
    }

    [Fact]
    public void Next_EdgesAndLevelsMixed_EachChangeReportedOnce()
    {
        var edges = new AlarmEdges();
        var raised = Los("CAL-1", "1.1a.2", At, cleared: false);

        Assert.Single(edges.Next(new DeviceEvent.Alarm(raised)));
        Assert.Empty(edges.Next(new DeviceEvent.Alarm(raised)));
        Assert.Empty(edges.Next(Poll("CAL-1", At, "1.1a.2")));
        Assert.Single(edges.Next(new DeviceEvent.Alarm(Los("CAL-1", "1.1a.2", At, cleared: true))));
        Assert.Empty(edges.Next(Poll("CAL-1", At)));
    }

    private static DeviceEvent.Resynchronized Poll(string device, DateTimeOffset readAt, params string[] dark) =>
        new(device, "power poll", [.. dark.Select(p => Los(device, p, readAt, cleared: false))], readAt);

    private static DeviceAlarm Los(string device, string port, DateTimeOffset at, bool cleared) =>
        new(device, port, "LOS", cleared ? AlarmSeverity.Cleared : AlarmSeverity.Critical, true, at);
}
