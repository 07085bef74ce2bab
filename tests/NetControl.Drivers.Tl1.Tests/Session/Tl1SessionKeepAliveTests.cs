using NetControl.Drivers.Tl1.Session;
using NetControl.Drivers.Tl1.Tests.Fixtures;
using NetControl.Tests.Shared;
using static NetControl.Drivers.Tl1.Tests.Session.Tl1SessionHarness;

namespace NetControl.Drivers.Tl1.Tests.Session;

/// <summary>
/// Keep-alive <c>RTRV-HDR</c> on virtual time: the clock moves one second at a time, each step once the session is
/// waiting on a timer again, so every due timer is seen by the code that set it.
/// </summary>
public sealed class Tl1SessionKeepAliveTests
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task KeepAlive_CommandEveryTwentySeconds_NoRtrvHdrUntilIdle()
    {
        var time = new ManualTimeProvider();
        await using var peer = new ScriptedTl1Peer(Element());
        await using var session = await StartAsync(peer, time, Options(KeepAlive));

        for (int round = 0; round < 5; round++)
        {
            await StepAsync(time, 20);
            await session.SendAsync("RTRV-CRS-FIBER", "all").WaitAsync(Wait);
        }

        Assert.DoesNotContain(peer.Received, c => c.Code == "RTRV-HDR");

        // Traffic stops: the keep-alive does go out after the interval.
        await StepAsync(time, 31);
        await Eventually.TrueAsync(() => peer.Received.Any(c => c.Code == "RTRV-HDR"));
    }

    [Fact]
    public async Task KeepAlive_NoAnswer_BreaksTheConnectionAndReconnects()
    {
        var time = new ManualTimeProvider();
        var logger = new LogCapture();
        await using var peer = new ScriptedTl1Peer((command, connection) =>
            command.Code == "RTRV-HDR" ? Task.CompletedTask : connection.SendAsync(ScriptedTl1Peer.Completed(command)));
        await using var session = await StartAsync(peer, time, Options(KeepAlive), logger.For<Tl1Session>());

        // 30 s idle, then RTRV-HDR; unanswered for the 10 s command timeout; reconnect 1 s later.
        for (int second = 0; second < 60 && peer.Connections < 2; second++)
        {
            await StepAsync(time, 1);
        }

        await Eventually.TrueAsync(() => peer.Connections == 2 && session.State == Tl1SessionState.Ready);
        Assert.Contains(peer.Received, c => c.Code == "RTRV-HDR");
        Assert.Equal(2, peer.Received.Count(c => c.Code == "ACT-USER"));
        Assert.Contains(logger.Messages(), l => l.Contains("keep-alive failed", StringComparison.Ordinal));
        var events = Drain(session);
        Assert.Contains(events, e => e is Tl1SessionEvent.StateChanged { State: Tl1SessionState.Reconnecting });
        Assert.Contains(events, e => e is Tl1SessionEvent.ResyncNeeded r && r.Reason.Contains("reconnected", StringComparison.Ordinal));
    }

    /// <summary>Moves the clock <paramref name="seconds"/> one second at a time, each once some timer is waiting.</summary>
    private static async Task StepAsync(ManualTimeProvider time, int seconds)
    {
        for (int i = 0; i < seconds; i++)
        {
            await Eventually.TrueAsync(() => time.PendingTimers > 0);
            time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
