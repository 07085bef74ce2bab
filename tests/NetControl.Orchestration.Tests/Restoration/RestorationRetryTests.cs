using NetControl.Core.Lightpaths;
using NetControl.Core.LinkState;
using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Orchestration.Lightpaths;
using NetControl.Orchestration.Tests.Lightpaths;
using NetControl.Tests.Shared;

namespace NetControl.Orchestration.Tests.Restoration;

/// <summary>
/// A restoration that finds no path only because ports are busy waits and plans again (the old cross-connects of other
/// lightpaths free fibres moments later in a mass restoration), doubling its wait, and fails after the configured number
/// of retries. Virtual time drives the waits; the switches are the simulator over real TL1 sessions.
/// </summary>
public sealed class RestorationRetryTests
{
    /// <summary>Two Calients joined by two fibres, each with two add/drop ports.</summary>
    private const string PairYaml = """
        name: pair
        nodes:
          - id: X
            kind: optical-switch
            vendor: calient
            ports:
              - range: { bidirectional: "1.1a.1-4" }
          - id: Y
            kind: optical-switch
            vendor: calient
            ports:
              - range: { bidirectional: "1.1a.1-4" }
        links:
          - { id: F1, a: "X:1.1a.1", b: "Y:1.1a.1", length-km: 10 }
          - { id: F2, a: "X:1.1a.2", b: "Y:1.1a.2", length-km: 10 }
        """;

    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Restore_OnlyOtherFibreHeldUntilItsLightpathIsReleased_RetriesThenMovesOntoIt()
    {
        var time = new ManualTimeProvider();
        await using var h = await ServiceHarness.StartAsync(Pair(), new LightpathServiceOptions { RestorationRetries = 3, RestorationRetryDelay = Delay }, time: time);
        var (moving, holder) = await TwoLightpathsAsync(h);

        int idle = time.PendingTimers;
        h.Service.ReportProbeCondition("F1", LinkCondition.Down, "loss 100% for 2 intervals");
        await WaitForRetryScheduledAsync(time, idle + 1);
        Assert.Equal(LightpathState.Restoring, h.Service.Get(moving.Id).State);

        // The fibre frees up while the restoration waits: its next attempt takes it.
        await h.Service.ReleaseAsync(holder.Id, "test");
        await h.WaitForStateAsync(holder.Id, LightpathState.Released);
        time.Advance(Delay);

        var restored = await h.WaitForAsync(moving.Id, r => r.State != LightpathState.Restoring);
        Assert.True(restored.State == LightpathState.Active, $"{restored.State}: {restored.FailureCause}");
        Assert.Equal("F2", Assert.Single(restored.Working!.Links));
        Assert.Contains(restored.History, t => t.Trigger == LightpathTrigger.RestorationSucceeded);
        Assert.Subset(await h.DeviceTruthAsync(), h.Canonical(restored.Working.Steps));
    }

    [Fact]
    public async Task Restore_OnlyOtherFibreStaysHeld_FailsAfterConfiguredRetriesWithDoublingWaits()
    {
        var time = new ManualTimeProvider();
        await using var h = await ServiceHarness.StartAsync(Pair(), new LightpathServiceOptions { RestorationRetries = 2, RestorationRetryDelay = Delay }, time: time);
        var (moving, _) = await TwoLightpathsAsync(h);

        int idle = time.PendingTimers;
        h.Service.ReportProbeCondition("F1", LinkCondition.Down, "loss 100% for 2 intervals");

        // Waits of 1 s, then 2 s: after 1 s and after 1 s + 1 s it is still waiting; at 1 s + 2 s it gives up.
        await WaitForRetryScheduledAsync(time, idle + 1);
        time.Advance(Delay);
        await WaitForRetryScheduledAsync(time, idle + 1);
        time.Advance(Delay);
        Assert.Equal(LightpathState.Restoring, h.Service.Get(moving.Id).State);
        time.Advance(Delay);

        var failed = await h.WaitForAsync(moving.Id, r => r.State != LightpathState.Restoring);
        Assert.Equal(LightpathState.Failed, failed.State);
        Assert.Contains(failed.History, t => t.Trigger == LightpathTrigger.RestorationFailed);
        Assert.Contains("ports", failed.FailureCause, StringComparison.Ordinal);
        Assert.Equal(idle, time.PendingTimers);
    }

    private static NetworkTopology Pair() => TopologyFile.Parse(PairYaml, "pair.yaml");

    /// <summary>One lightpath on F1 (the one a test moves) and one holding F2.</summary>
    private static async Task<(LightpathRecord Moving, LightpathRecord Holder)> TwoLightpathsAsync(ServiceHarness h)
    {
        // The holder first, kept off F1; the other then gets F1, the only fibre left, with nothing excluded.
        var holder = await h.Service.RequestAsync(new LightpathRequest { From = "X:1.1a.4", To = "Y:1.1a.4", Protection = Protection.Restorable, Exclude = ["F1"] }, "test");
        var moving = await h.Service.RequestAsync(new LightpathRequest { From = "X:1.1a.3", To = "Y:1.1a.3", Protection = Protection.Restorable }, "test");
        moving = await h.WaitForStateAsync(moving.Id, LightpathState.Active);
        holder = await h.WaitForStateAsync(holder.Id, LightpathState.Active);
        Assert.Equal("F1", Assert.Single(moving.Working!.Links));
        Assert.Equal("F2", Assert.Single(holder.Working!.Links));
        return (moving, holder);
    }

    /// <summary>Waits (in real time: the plan runs on the thread pool) until the retry's virtual delay is scheduled.</summary>
    private static async Task WaitForRetryScheduledAsync(ManualTimeProvider time, int timers)
    {
        using var limit = new CancellationTokenSource(ServiceHarness.Wait);
        while (time.PendingTimers < timers)
        {
            await Task.Delay(10, limit.Token);
        }
    }
}
