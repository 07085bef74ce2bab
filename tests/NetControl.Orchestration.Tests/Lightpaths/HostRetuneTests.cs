using System.Collections.Concurrent;
using NetControl.Core.Lightpaths;
using NetControl.Orchestration.Lightpaths;

namespace NetControl.Orchestration.Tests.Lightpaths;

/// <summary>A lightpath with configured hosts that moves: its hosts' path-dependent settings follow the new path.</summary>
public sealed class HostRetuneTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Cut_ConfigureHostsLightpathMovedToALongerPath_HostsRetunedForTheNewPathThenRestoredOnRelease()
    {
        var hosts = new RecordingHosts();
        await using var h = await ServiceHarness.StartAsync(hosts: hosts);
        var lp = await h.Service.RequestAsync(new LightpathRequest { From = "cern-fdt", To = "caltech-fdt", Protection = Protection.Restorable, ConfigureHosts = true }, "tester");
        var active = await h.WaitForStateAsync(lp.Id, LightpathState.Active);
        Assert.Equal([("configure", active.Working!.LatencyMs)], hosts.Calls.ToArray());
        string cut = active.Working.Links.First(l => h.Service.Topology.GetLink(l) is { A.Port: not null, B.Port: not null } link
            && h.Service.Topology.GetNode(link.A.Node).Kind == NetControl.Core.Topology.NodeKind.OpticalSwitch
            && h.Service.Topology.GetNode(link.B.Node).Kind == NetControl.Core.Topology.NodeKind.OpticalSwitch);

        h.Fabric.Simulator.Network.Faults.CutLink(cut);
        var moved = await h.WaitForAsync(lp.Id, r => r.State == LightpathState.Active && r.Working?.Uses(cut) == false);
        Assert.NotEqual(active.Working.LatencyMs, moved.Working!.LatencyMs);
        await Eventually(() => hosts.Calls.Count >= 2);

        Assert.Equal(("retune", moved.Working.LatencyMs), hosts.Calls.ToArray()[1]);
        await h.Service.ReleaseAsync(lp.Id, "done");
        await h.WaitForStateAsync(lp.Id, LightpathState.Released);
        await Eventually(() => hosts.Calls.Count >= 3);
        Assert.Equal("restore", hosts.Calls.ToArray()[2].What);
    }

    [Fact]
    public async Task Cut_RestorableLightpathWithTheAccessFibresWholeBandwidth_MovedItsOwnBandwidthCountsAsFree()
    {
        // 10 Gb/s on 10 Gb/s host fibres: a new path must reuse the access fibres the lightpath already holds.
        await using var h = await ServiceHarness.StartAsync();
        var lp = await h.Service.RequestAsync(new LightpathRequest { From = "cern-fdt", To = "caltech-fdt", Protection = Protection.Restorable, Bandwidth = NetControl.Core.Units.DataRate.FromGbps(10) }, "tester");
        var active = await h.WaitForStateAsync(lp.Id, LightpathState.Active);
        string cut = active.Working!.Links[1];

        h.Fabric.Simulator.Network.Faults.CutLink(cut);
        var moved = await h.WaitForAsync(lp.Id, r => r.State != LightpathState.Restoring && r.Working?.Uses(cut) == false || r.State == LightpathState.Failed);

        Assert.True(moved.State == LightpathState.Active, $"{moved.State}: {moved.FailureCause}");
        Assert.False(moved.Working!.Uses(cut));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(Wait);
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }

    /// <summary>Records each call with the latency of the active leg it saw.</summary>
    private sealed class RecordingHosts : ILightpathHostConfigurer
    {
        public ConcurrentQueue<(string What, double LatencyMs)> Calls { get; } = new();

        public Task ConfigureAsync(LightpathRecord lightpath, CancellationToken cancellationToken) => Record("configure", lightpath);

        public Task RetuneAsync(LightpathRecord lightpath, CancellationToken cancellationToken) => Record("retune", lightpath);

        public Task RestoreAsync(LightpathRecord lightpath, CancellationToken cancellationToken) => Record("restore", lightpath);

        private Task Record(string what, LightpathRecord lightpath)
        {
            Calls.Enqueue((what, lightpath.Active?.LatencyMs ?? double.NaN));
            return Task.CompletedTask;
        }
    }
}
