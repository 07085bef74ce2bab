using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Drivers.Tl1.Tests.Fixtures;
using NetControl.Drivers.Tl1.Tests.Session;
using NetControl.Tests.Shared;
using static NetControl.Drivers.Tl1.Tests.Session.Tl1SessionHarness;

namespace NetControl.Drivers.Tl1.Tests.Drivers;

/// <summary>The Calient driver's alarm stream against a scripted element that sends what a simulator never would.</summary>
public sealed class CalientTl1DriverTests
{
    private static readonly Tl1Header Header = new("PXC", new DateTime(2026, 11, 23, 12, 0, 0));

    /// <summary>Regression (audit, TL1 issue): one unreadable REPT ALM line ended the alarm stream without a resync.</summary>
    [Fact]
    public async Task WatchAsync_UnreadableAlarmLine_OtherLinesReportedThenResyncAndTheStreamGoesOn()
    {
        var time = new ManualTimeProvider();
        await using var peer = new ScriptedTl1Peer(Element((command, connection) => command.Code == "RTRV-ALM-ALL"
            ? connection.SendAsync(ScriptedTl1Peer.Completed(command, "1.1a.2:CR,LOS,SA,11-23,12-00-00:\"standing\""))
            : connection.SendAsync(ScriptedTl1Peer.Completed(command))));
        await using var session = await StartAsync(peer, time);
        var logger = new LogCapture();
        var driver = new CalientTl1Driver(session, null, time, logger.For<CalientTl1Driver>());
        using var cts = new CancellationTokenSource(Wait);
        await using var events = driver.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);

        await peer.Current!.SendAsync(new Tl1AutonomousMessage(Header, Tl1AlarmCode.Critical, 1, "REPT ALM EQPT",
        [
            "1.1a.1:CR,LOS,SA,11-23,12-00-00:\"first\"",
            "1.1a.2:XX,LOS,SA,11-23,12-00-00:\"unknown notification code\"",
            "1.1a.3:CR,LOS,SA,11-23,12-00-00:\"third\"",
        ]));

        Assert.Equal("1.1a.1", Assert.IsType<DeviceEvent.Alarm>(await NextAsync(events)).Value.Entity);
        Assert.Equal("1.1a.3", Assert.IsType<DeviceEvent.Alarm>(await NextAsync(events)).Value.Entity);
        var resync = Assert.IsType<DeviceEvent.Resynchronized>(await NextAsync(events));
        Assert.Equal("unreadable alarm line in REPT ALM EQPT (ATAG 1)", resync.Reason);
        Assert.Equal("1.1a.2", Assert.Single(resync.ActiveAlarms).Entity);
        Assert.Single(peer.Received, c => c.Code == "RTRV-ALM-ALL");
        Assert.Contains(logger.Messages(), l => l.Contains("unknown notification code 'XX'", StringComparison.Ordinal));

        await peer.Current!.SendAsync(new Tl1AutonomousMessage(Header, Tl1AlarmCode.NonAlarm, 2, "REPT ALM EQPT", ["1.1a.1:CL,LOS,SA,11-23,12-00-05"]));
        Assert.True(Assert.IsType<DeviceEvent.Alarm>(await NextAsync(events)).Value.IsCleared);
    }

    private static async Task<DeviceEvent> NextAsync(IAsyncEnumerator<DeviceEvent> events)
    {
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Wait), "the alarm stream ended");
        return events.Current;
    }
}
