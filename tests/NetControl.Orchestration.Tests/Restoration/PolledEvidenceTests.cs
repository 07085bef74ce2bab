using NetControl.Core.Devices;
using NetControl.Core.Lightpaths;
using NetControl.Core.LinkState;
using NetControl.Orchestration.Lightpaths;
using NetControl.Orchestration.Tests.Lightpaths;

namespace NetControl.Orchestration.Tests.Restoration;

/// <summary>
/// Glimmerglass switches report loss of light only by being polled. The polls here are stepped by the test (the
/// watch loops are off): each is what the driver's loop sends, a full read of the switch dated when it began, made
/// over the real TL1 session against the simulator. The lightpath joins two add/drop ports over Glimmerglass switches
/// only (GVA-GG to NYC-GG).
/// </summary>
public sealed class PolledEvidenceTests
{
    private static readonly LightpathRequest AddDropToAddDrop = new() { From = "GVA-GG:10007", To = "NYC-GG:10005", Protection = Protection.Restorable };

    [Fact]
    public async Task Poll_CutWithinOnePollOfSetUp_LinkDeclaredDownAndLightpathMoved()
    {
        await using var h = await ServiceHarness.StartAsync(watchAlarms: false);
        var lp = await h.Service.RequestAsync(AddDropToAddDrop, "tester");
        var active = await h.WaitForStateAsync(lp.Id, LightpathState.Active);
        string cut = Assert.Single(active.Working!.Links);
        var link = h.Service.Topology.GetLink(cut);

        // The poll that ran while the lightpath was being made read its new ports dark: a change-detecting poller
        // would report nothing more while they stay dark.
        var duringSetUp = active.History[^1].At.AddMilliseconds(-5);
        h.Service.OnDeviceEvent(new DeviceEvent.Resynchronized("GVA-GG", "power poll", [Los("GVA-GG", link.B.Node == "GVA-GG" ? link.B.Port! : link.A.Port!, duringSetUp)], duringSetUp));

        // The fibre is cut before the next poll of either switch. A dark end counts once the far switch's port that
        // feeds the fibre is read lit both before and after that dark read: the third poll completes it.
        h.Fabric.Simulator.Network.Faults.CutLink(cut);
        await h.PollAsync("GVA-GG");
        await h.PollAsync("NYC-GG");
        Assert.NotEqual(LinkCondition.Down, h.Service.LinkState.Get(cut).Condition);
        await h.PollAsync("GVA-GG");

        Assert.Equal(LinkCondition.Down, h.Service.LinkState.Get(cut).Condition);
        var moved = await h.WaitForAsync(lp.Id, r => r.State == LightpathState.Active && r.Working?.Uses(cut) == false);
        Assert.False(moved.Working!.Uses(cut), $"still on {cut}: {string.Join(" | ", moved.History.Select(t => t.Cause))}");
        Assert.Contains(moved.History, t => t.Cause.Contains($"link {cut} down", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_LightpathWhoseEndsSendNothing_NoLinkDeclaredDown()
    {
        await using var h = await ServiceHarness.StartAsync(watchAlarms: false);
        h.Fabric.Simulator.Network.InjectLight("GVA-GG", "10007", null);
        h.Fabric.Simulator.Network.InjectLight("NYC-GG", "10005", null);
        var lp = await h.Service.RequestAsync(AddDropToAddDrop, "tester");
        var active = await h.WaitForStateAsync(lp.Id, LightpathState.Active);

        for (int poll = 0; poll < 3; poll++)
        {
            await h.PollAsync("GVA-GG");
            await h.PollAsync("NYC-GG");
        }

        // Every port of the lightpath reads dark, every poll: that is no cut.
        var alarms = await ((IAlarmSource)h.Fabric.Device("GVA-GG")).ReadActiveAlarmsAsync();
        Assert.NotEmpty(alarms);
        Assert.All(active.Working!.Links, l => Assert.NotEqual(LinkCondition.Down, h.Service.LinkState.Get(l).Condition));
        var now = h.Service.Get(lp.Id);
        Assert.Equal(LightpathState.Active, now.State);
        Assert.Equal(active.Working.Steps, now.Working!.Steps);
    }

    [Fact]
    public async Task Poll_ReadBeganBeforeTheLightpathWasActive_ProvesNothing()
    {
        await using var h = await ServiceHarness.StartAsync(watchAlarms: false);
        var lp = await h.Service.RequestAsync(AddDropToAddDrop, "tester");
        var active = await h.WaitForStateAsync(lp.Id, LightpathState.Active);
        string cut = Assert.Single(active.Working!.Links);
        h.Fabric.Simulator.Network.Faults.CutLink(cut);

        // Reads of the cut fibre dated before the lightpath expected light there (sent during set-up, answered after).
        var stale = active.History[^1].At.AddMilliseconds(-5);
        await h.PollAsync("GVA-GG", stale);
        await h.PollAsync("NYC-GG", stale);

        Assert.NotEqual(LinkCondition.Down, h.Service.LinkState.Get(cut).Condition);
    }

    private static DeviceAlarm Los(string device, string port, DateTimeOffset at) =>
        new(device, port, "LOS", AlarmSeverity.Critical, true, at, "input power below -20.0 dBm");
}
