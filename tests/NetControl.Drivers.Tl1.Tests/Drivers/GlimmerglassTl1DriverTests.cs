using System.Collections.Concurrent;
using NetControl.Core.Devices;
using NetControl.Drivers.Tl1.Drivers;
using NetControl.Drivers.Tl1.Messages;
using NetControl.Drivers.Tl1.Tests.Session;
using NetControl.Tests.Shared;
using static NetControl.Drivers.Tl1.Tests.Session.Tl1SessionHarness;

namespace NetControl.Drivers.Tl1.Tests.Drivers;

/// <summary>
/// The Glimmerglass driver's power polling on virtual time: the no-light threshold (dark strictly below it) and the
/// poll interval as settings, against a scripted element reporting fixed input powers.
/// </summary>
public sealed class GlimmerglassTl1DriverTests
{
    [Fact]
    public async Task WatchAsync_DefaultThreshold_DarkOnlyStrictlyBelowMinus20Dbm()
    {
        var (peer, session, time, _) = await StartAsync(("10001", -19.9), ("10002", -20.1), ("10003", -20.0));
        await using (peer)
        await using (session)
        {
            var driver = new GlimmerglassTl1Driver(session, null, time);

            var poll = await FirstPollAsync(driver);

            var los = Assert.Single(poll.ActiveAlarms);
            Assert.Equal(("10002", "LOS"), (los.Entity, los.Condition));
        }
    }

    [Fact]
    public async Task WatchAsync_ThresholdMinus10Dbm_MinusFifteenIsDark()
    {
        var (peer, session, time, _) = await StartAsync(("10001", -15.0), ("10002", -9.9));
        await using (peer)
        await using (session)
        {
            var driver = new GlimmerglassTl1Driver(session, new Tl1DriverOptions { NoLightThresholdDbm = -10 }, time);

            var poll = await FirstPollAsync(driver);

            Assert.Equal(["10001"], poll.ActiveAlarms.Select(a => a.Entity));
        }
    }

    [Fact]
    public async Task WatchAsync_FiveSecondInterval_NoPollBeforeItElapses()
    {
        var (peer, session, time, polledAt) = await StartAsync(("10001", -3.0));
        await using (peer)
        await using (session)
        {
            var driver = new GlimmerglassTl1Driver(session, new Tl1DriverOptions { PowerPollInterval = TimeSpan.FromSeconds(5) }, time);
            using var cts = new CancellationTokenSource(Wait);
            await using var events = driver.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
            Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Wait));
            var start = time.GetUtcNow();

            // The only timer is the wait for the next poll; the clock stops short of it, then reaches it.
            var next = events.MoveNextAsync().AsTask();
            await Eventually.TrueAsync(() => time.PendingTimers == 1);
            time.Advance(TimeSpan.FromSeconds(4.9));
            time.Advance(TimeSpan.FromSeconds(0.1));
            Assert.True(await next.WaitAsync(Wait));

            // The element saw each poll when the virtual clock said so: none before the interval had elapsed.
            Assert.Equal([start, start + TimeSpan.FromSeconds(5)], polledAt.ToArray());
            Assert.Equal(start + TimeSpan.FromSeconds(5), Assert.IsType<DeviceEvent.Resynchronized>(events.Current).ReadAt);
        }
    }

    private static async Task<DeviceEvent.Resynchronized> FirstPollAsync(GlimmerglassTl1Driver driver)
    {
        using var cts = new CancellationTokenSource(Wait);
        await using var events = driver.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Wait));
        return Assert.IsType<DeviceEvent.Resynchronized>(events.Current);
    }

    /// <summary>
    /// An element whose input ports 1000n are cross-connected to 2000n, each receiving the given power; it records the
    /// virtual time at which each <c>RTRV-CRS-FIBER</c> (a poll) arrives.
    /// </summary>
    private static async Task<(ScriptedTl1Peer Peer, NetControl.Drivers.Tl1.Session.Tl1Session Session, ManualTimeProvider Time, ConcurrentQueue<DateTimeOffset> PolledAt)> StartAsync(params (string Port, double Dbm)[] inputs)
    {
        var lines = inputs.Select(i => FormattableString.Invariant(
            $"GGN:IPORTID={i.Port},IPORTNAME=,OPORTID=2{i.Port[1..]},OPORTNAME=,CONNID=0,CONNSTATE=steady,CONNCAUSE=,INPWR={i.Dbm:0.0},OUTPWR={i.Dbm - 1:0.0},PWRLOSS=1.0,CONNLOCK=0,CONNLOCKUSER=")).ToArray();
        var time = new ManualTimeProvider();
        var polledAt = new ConcurrentQueue<DateTimeOffset>();
        var peer = new ScriptedTl1Peer(Element((command, connection) =>
        {
            if (command.Code == "RTRV-CRS-FIBER")
            {
                polledAt.Enqueue(time.GetUtcNow());
            }

            return connection.SendAsync(ScriptedTl1Peer.Completed(command, lines));
        }));
        var session = await Tl1SessionHarness.StartAsync(peer, time);
        return (peer, session, time, polledAt);
    }
}
