using NetControl.Benchmarking.Fabric;
using NetControl.Core.Lightpaths;
using NetControl.Orchestration.Lightpaths;
using NetControl.Orchestration.Persistence;
using NetControl.Orchestration.Tests.Lightpaths;

namespace NetControl.Orchestration.Tests.Faults;

/// <summary>
/// A release frees its ports just before it stores Released; a client asking again at once gets them. A controller
/// killed in between leaves the old lightpath Releasing beside the new one on the same ports: the restarted
/// controller must start, finish the old release without touching the new lightpath's cross-connects, and keep the
/// new one.
/// </summary>
public sealed class ReleaseRestartTests
{
    private static readonly LightpathRequest HostToHost = new() { From = "cern-fdt", To = "caltech-fdt", Protection = Protection.Restorable };

    [Fact]
    public async Task StartAsync_KilledBeforeReleasedWasStoredAndPortsTakenAgain_FinishesTheReleaseAndKeepsTheNewLightpath()
    {
        var topology = ServiceHarness.UsLhcNet();
        await using var fabric = await SimulatedFabric.StartAsync(topology);
        var durable = new InMemoryLightpathStore();
        var store = new LosesReleased(durable, "lp-1");
        var before = new LightpathService(topology, fabric.Device, store);
        await before.StartAsync();
        var first = await before.RequestAsync(HostToHost, "tester");
        await WaitAsync(before, first.Id, LightpathState.Active);
        await before.ReleaseAsync(first.Id, "done");
        await WaitAsync(before, first.Id, LightpathState.Released);
        var second = await before.RequestAsync(HostToHost, "tester");
        var active = await WaitAsync(before, second.Id, LightpathState.Active);
        await before.DisposeAsync();

        // What the store holds is what a kill right before storing lp-1's Released leaves behind.
        var stored = await durable.LoadAsync();
        Assert.Equal(LightpathState.Releasing, stored.Single(r => r.Id == first.Id).State);
        var after = new LightpathService(topology, fabric.Device, durable);
        await after.StartAsync();
        try
        {
            await WaitAsync(after, first.Id, LightpathState.Released);
            Assert.Equal(LightpathState.Active, after.Get(second.Id).State);
            var truth = await ServiceHarness.DeviceTruthAsync(fabric);
            Assert.Equal(active.Working!.Steps.Select(s => (s.Device, fabric.Device(s.Device).Canonical(s.Connection))).ToHashSet(), truth);
        }
        finally
        {
            await after.DisposeAsync();
        }
    }

    private static async Task<LightpathRecord> WaitAsync(LightpathService service, string id, LightpathState state)
    {
        using var cts = new CancellationTokenSource(ServiceHarness.Wait);
        await foreach (var record in service.WatchAsync(id, cts.Token))
        {
            if (record.State == state)
            {
                return record;
            }
        }

        return service.Get(id);
    }

    /// <summary>A store that never stores one lightpath's Released (as if the process died first).</summary>
    private sealed class LosesReleased(ILightpathStore inner, string id) : ILightpathStore
    {
        public Task<IReadOnlyList<LightpathRecord>> LoadAsync(CancellationToken cancellationToken = default) => inner.LoadAsync(cancellationToken);

        public Task SaveAsync(LightpathRecord record, CancellationToken cancellationToken = default) =>
            record.Id == id && record.State == LightpathState.Released ? Task.CompletedTask : inner.SaveAsync(record, cancellationToken);

        public Task<int> PruneReleasedAsync(DateTimeOffset before, CancellationToken cancellationToken = default) => inner.PruneReleasedAsync(before, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
