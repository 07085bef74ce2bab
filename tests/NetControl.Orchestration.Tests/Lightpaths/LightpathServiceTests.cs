using NetControl.Core.Lightpaths;
using NetControl.Core.LinkState;
using NetControl.Orchestration.Lightpaths;
using NetControl.Tests.Shared;

namespace NetControl.Orchestration.Tests.Lightpaths;

public sealed class LightpathServiceTests
{
    private static LightpathRequest HostToHost(Protection protection = Protection.Restorable) =>
        new() { From = "cern-fdt", To = "caltech-fdt", Protection = protection };

    [Fact]
    public async Task Request_HostToHost_ActiveWithVerifiedCrossConnectsOnEverySwitch()
    {
        await using var h = await ServiceHarness.StartAsync();

        var admitted = await h.Service.RequestAsync(HostToHost(), "tester");
        var active = await h.WaitForStateAsync(admitted.Id, LightpathState.Active);

        Assert.Equal(LightpathState.Active, active.State);
        Assert.Equal("cern-fdt", active.Working!.Nodes[0]);
        Assert.Equal("caltech-fdt", active.Working.Nodes[^1]);
        Assert.Equal(
            [LightpathState.Requested, LightpathState.Provisioning, LightpathState.Active],
            active.History.Select(t => t.From).Append(active.State).Distinct());
        Assert.Equal(h.Canonical(active.Working.Steps), await h.DeviceTruthAsync());
    }

    [Fact]
    public async Task Release_ActiveLightpath_ReleasedAndNoCrossConnectLeft()
    {
        await using var h = await ServiceHarness.StartAsync();
        var lp = await h.Service.RequestAsync(HostToHost(), "tester");
        await h.WaitForStateAsync(lp.Id, LightpathState.Active);

        await h.Service.ReleaseAsync(lp.Id, "done");
        var released = await h.WaitForStateAsync(lp.Id, LightpathState.Released);

        Assert.Equal(LightpathState.Released, released.State);
        Assert.Empty(await h.DeviceTruthAsync());
    }

    [Fact]
    public async Task Request_SameHostTwice_SecondRefusedPortBusy()
    {
        await using var h = await ServiceHarness.StartAsync();
        await h.Service.RequestAsync(HostToHost(), "tester");

        var error = await Assert.ThrowsAsync<LightpathException>(() => h.Service.RequestAsync(HostToHost(), "tester"));

        Assert.Equal(LightpathErrorKind.PortBusy, error.Kind);
        Assert.Contains("cern-fdt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_ConcurrentForSamePorts_ExactlyOneAdmitted()
    {
        await using var h = await ServiceHarness.StartAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                return await h.Service.RequestAsync(HostToHost(), "tester");
            }
            catch (LightpathException ex) when (ex.Kind == LightpathErrorKind.PortBusy)
            {
                return null;
            }
        })));

        Assert.Single(attempts, a => a is not null);
    }

    [Fact]
    public async Task Request_UnknownEndpoint_RefusedNamingIt()
    {
        await using var h = await ServiceHarness.StartAsync();

        var error = await Assert.ThrowsAsync<LightpathException>(() => h.Service.RequestAsync(new LightpathRequest { From = "nowhere", To = "caltech-fdt" }, "tester"));

        Assert.Equal(LightpathErrorKind.UnknownEndpoint, error.Kind);
        Assert.Contains("'nowhere'", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.Service.List());
    }

    [Fact]
    public async Task Request_LatencyBudgetTooSmall_NoPathNamingTheConstraint()
    {
        await using var h = await ServiceHarness.StartAsync();

        var error = await Assert.ThrowsAsync<LightpathException>(() => h.Service.RequestAsync(HostToHost() with { MaxLatencyMs = 5 }, "tester"));

        Assert.Equal(LightpathErrorKind.NoPath, error.Kind);
        Assert.Contains("latency", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Request_EndBeforeStart_BadTimeWindow()
    {
        await using var h = await ServiceHarness.StartAsync();
        var now = DateTimeOffset.UtcNow;

        var error = await Assert.ThrowsAsync<LightpathException>(() => h.Service.RequestAsync(HostToHost() with { Start = now.AddHours(2), End = now.AddHours(1) }, "tester"));

        Assert.Equal(LightpathErrorKind.BadTimeWindow, error.Kind);
    }

    [Fact]
    public async Task Cut_LinkOfRestorablePath_RestoredOnPathAvoidingTheCutSrlg()
    {
        await using var h = await ServiceHarness.StartAsync();
        var lp = await h.Service.RequestAsync(HostToHost(), "tester");
        var active = await h.WaitForStateAsync(lp.Id, LightpathState.Active);
        string trunk = active.Working!.Links.First(l => l.Contains('-') && !l.EndsWith("FDT", StringComparison.Ordinal) && h.Service.Topology.GetLink(l).Srlgs.Length > 0 && l != "CHI-CIT-I2");
        var srlgs = h.Service.Topology.GetLink(trunk).Srlgs;

        h.Fabric.Simulator.Network.Faults.CutLink(trunk);
        var restored = await h.WaitForAsync(lp.Id, r => r.State == LightpathState.Active && r.Version > active.Version && r.History.Any(t => t.Trigger == LightpathTrigger.RestorationSucceeded));

        Assert.Equal(LightpathState.Active, restored.State);
        Assert.DoesNotContain(trunk, restored.Working!.Links);
        Assert.DoesNotContain(restored.Working.Links, l => h.Service.Topology.GetLink(l).Srlgs.Intersect(srlgs).Any());
        Assert.Equal(LinkCondition.Down, h.Service.LinkState.Get(trunk).Condition);
        await Eventually.TrueAsync(async () => h.Canonical(restored.Working.Steps).SetEquals(await h.DeviceTruthAsync()), ServiceHarness.Wait);

        // The old cross-connects are removed after the move is recorded; then the record owes nothing.
        await h.WaitForAsync(lp.Id, r => r.PendingRemovals.IsEmpty);
    }

    [Fact]
    public async Task ReportProbeCondition_DownThenUp_RestoredAndClearedOnlyWhatProbesDeclared()
    {
        await using var h = await ServiceHarness.StartAsync();
        var lp = await h.Service.RequestAsync(HostToHost(), "tester");
        var active = await h.WaitForStateAsync(lp.Id, LightpathState.Active);
        string trunk = active.Working!.Links.First(l => l.Contains('-') && !l.EndsWith("FDT", StringComparison.Ordinal) && h.Service.Topology.GetLink(l).Srlgs.Length > 0 && l != "CHI-CIT-I2");

        h.Service.ReportProbeCondition(trunk, LinkCondition.Down, "loss 100% for 2 intervals (agent gva)");
        var restored = await h.WaitForAsync(lp.Id, r => r.State == LightpathState.Active && r.Version > active.Version && r.History.Any(t => t.Trigger == LightpathTrigger.RestorationSucceeded));

        Assert.DoesNotContain(trunk, restored.Working!.Links);
        Assert.Equal(LinkCondition.Down, h.Service.LinkState.Get(trunk).Condition);
        Assert.Contains("probes: loss 100%", restored.History.First(t => t.Trigger == LightpathTrigger.LinkFailed).Cause, StringComparison.Ordinal);

        h.Service.ReportProbeCondition(trunk, LinkCondition.Degraded, "loss 3% for 3 intervals");
        Assert.Equal(LinkCondition.Degraded, h.Service.LinkState.Get(trunk).Condition);
        h.Service.ReportProbeCondition(trunk, LinkCondition.Up, "clean for 3 intervals");
        Assert.Equal(LinkCondition.Up, h.Service.LinkState.Get(trunk).Condition);

        // A loss of light the switches report is not cleared by probes that still get through (another path).
        h.Fabric.Simulator.Network.Faults.CutLink("CHI-CIT-I2");
        await Eventually.TrueAsync(() => Task.FromResult(h.Service.LinkState.Get("CHI-CIT-I2").Condition == LinkCondition.Down), ServiceHarness.Wait);
        h.Service.ReportProbeCondition("CHI-CIT-I2", LinkCondition.Up, "clean");
        Assert.Equal(LinkCondition.Down, h.Service.LinkState.Get("CHI-CIT-I2").Condition);
        Assert.Throws<LightpathException>(() => h.Service.ReportProbeCondition("no-such-link", LinkCondition.Down, "x"));
    }

    [Fact]
    public async Task Cut_UnprotectedPath_Failed()
    {
        await using var h = await ServiceHarness.StartAsync();
        var lp = await h.Service.RequestAsync(HostToHost(Protection.None), "tester");
        var active = await h.WaitForStateAsync(lp.Id, LightpathState.Active);

        h.Fabric.Simulator.Network.Faults.CutLink("CHI-CIT-I2");
        var failed = await h.WaitForStateAsync(lp.Id, LightpathState.Failed);

        Assert.Equal(LightpathState.Failed, failed.State);
        Assert.Contains("unprotected", failed.History[^1].Cause, StringComparison.Ordinal);
        Assert.Equal(active.Working!.Links, failed.Working!.Links);
    }

    [Fact]
    public async Task Cut_OnePlusOneWorkingLeg_SwitchedToProtection()
    {
        await using var h = await ServiceHarness.StartAsync();
        var lp = await h.Service.RequestAsync(new LightpathRequest { From = "GVA-GG:10007", To = "NYC-GG:10005", Protection = Protection.OnePlusOne }, "tester");
        var active = await h.WaitForStateAsync(lp.Id, LightpathState.Active);
        Assert.NotNull(active.ProtectionLeg);
        Assert.Empty(active.Working!.Links.Intersect(active.ProtectionLeg!.Links));
        string cut = active.Working.Links[0];

        h.Fabric.Simulator.Network.Faults.CutLink(cut);
        var switched = await h.WaitForAsync(lp.Id, r => r.ActiveLeg == LegRole.Protection && r.State == LightpathState.Active);

        Assert.Equal(LegRole.Protection, switched.ActiveLeg);
        Assert.Contains("1+1 switched", switched.History[^1].Cause, StringComparison.Ordinal);
        var expected = h.Canonical(switched.ProtectionLeg!.Steps.Concat(switched.Working!.InnerSteps));
        var truth = await h.DeviceTruthAsync();
        for (int i = 0; i < 100 && !expected.SetEquals(truth); i++)
        {
            await Task.Delay(100);
            truth = await h.DeviceTruthAsync();
        }

        Assert.True(expected.SetEquals(truth), $"devices: {string.Join(", ", truth)}; expected: {string.Join(", ", expected)}; history: {string.Join(" | ", h.Service.Get(lp.Id).History.Select(t => t.Cause))}");
    }
}
