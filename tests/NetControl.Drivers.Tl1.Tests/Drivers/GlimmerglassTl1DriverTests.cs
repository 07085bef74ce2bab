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
        var (peer, session, time) = await StartAsync(("10001", -19.9), ("10002", -20.1), ("10003", -20.0));
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
        var (peer, session, time) = await StartAsync(("10001", -15.0), ("10002", -9.9));
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
        var (peer, session, time) = await StartAsync(("10001", -3.0));
        await using (peer)
        await using (session)
        {
            var driver = new GlimmerglassTl1Driver(session, new Tl1DriverOptions { PowerPollInterval = TimeSpan.FromSeconds(5) }, time);
            using var cts = new CancellationTokenSource(Wait);
            await using var events = driver.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
            Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Wait));
            var start = time.GetUtcNow();

            var next = events.MoveNextAsync().AsTask();
            await Eventually.TrueAsync(() => time.PendingTimers == 1);
            time.Advance(TimeSpan.FromSeconds(4.9));
            await Task.Delay(100);
            Assert.False(next.IsCompleted);
            Assert.Equal(1, Polls(peer));

            time.Advance(TimeSpan.FromSeconds(0.1));
            Assert.True(await next.WaitAsync(Wait));
            Assert.Equal(2, Polls(peer));
            Assert.Equal(start + TimeSpan.FromSeconds(5), Assert.IsType<DeviceEvent.Resynchronized>(events.Current).ReadAt);
        }
    }

    private static int Polls(ScriptedTl1Peer peer) => peer.Received.Count(c => c.Code == "RTRV-CRS-FIBER");

    private static async Task<DeviceEvent.Resynchronized> FirstPollAsync(GlimmerglassTl1Driver driver)
    {
        using var cts = new CancellationTokenSource(Wait);
        await using var events = driver.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(Wait));
        return Assert.IsType<DeviceEvent.Resynchronized>(events.Current);
    }

    /// <summary>An element whose input ports 1000n are cross-connected to 2000n, each receiving the given power.</summary>
    private static async Task<(ScriptedTl1Peer Peer, NetControl.Drivers.Tl1.Session.Tl1Session Session, ManualTimeProvider Time)> StartAsync(params (string Port, double Dbm)[] inputs)
    {
        var lines = inputs.Select(i => FormattableString.Invariant(
            $"GGN:IPORTID={i.Port},IPORTNAME=,OPORTID=2{i.Port[1..]},OPORTNAME=,CONNID=0,CONNSTATE=steady,CONNCAUSE=,INPWR={i.Dbm:0.0},OUTPWR={i.Dbm - 1:0.0},PWRLOSS=1.0,CONNLOCK=0,CONNLOCKUSER=")).ToArray();
        var time = new ManualTimeProvider();
        var peer = new ScriptedTl1Peer(Element((command, connection) => connection.SendAsync(ScriptedTl1Peer.Completed(command, lines))));
        var session = await Tl1SessionHarness.StartAsync(peer, time);
        return (peer, session, time);
    }
}
