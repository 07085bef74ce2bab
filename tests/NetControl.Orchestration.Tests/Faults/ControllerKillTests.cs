using NetControl.Benchmarking.Fabric;
using NetControl.Core.Devices;
using NetControl.Core.Lightpaths;
using NetControl.Core.Lightpaths.Provisioning;
using NetControl.Orchestration.Lightpaths;
using NetControl.Orchestration.Persistence;
using NetControl.Orchestration.Tests.Lightpaths;
using NetControl.Persistence.Sqlite;
using Xunit.Abstractions;

namespace NetControl.Orchestration.Tests.Faults;

/// <summary>
/// Kills the controller at random points while it provisions and releases, restarts it on the same SQLite file and the
/// same switches, and checks device truth against recorded state: no orphan cross-connects, no lost lightpaths, nothing
/// left half-done. A kill is modelled in process: at a random moment every device command and every store write of
/// the old controller start failing (as if its process had died), its TL1 sessions are dropped without logging out, and
/// it is abandoned; the new controller gets fresh sessions.
/// </summary>
public sealed class ControllerKillTests(ITestOutputHelper output)
{
    private const int Trials = 50;

    [Fact]
    public async Task Restart_AfterKillAtRandomPoint_DevicesMatchRecordedStateEveryTrial()
    {
        var topology = ServiceHarness.UsLhcNet();
        await using var fabric = await SimulatedFabric.StartAsync(topology, new SimulatedFabricOptions { SwitchLatency = TimeSpan.FromMilliseconds(5), SwitchJitter = TimeSpan.FromMilliseconds(5) });
        string dir = Directory.CreateTempSubdirectory("netcontrol-kill-").FullName;
        var random = new Random(20261123);
        int killedMidWork = 0;
        try
        {
            for (int trial = 0; trial < Trials; trial++)
            {
                string db = Path.Combine(dir, "state.db");
                var dead = new KillSwitch();

                // 1. A controller that works until it is killed.
                var store = new KillableStore(await SqliteLightpathStore.OpenAsync(db), dead);
                var victim = new LightpathService(topology, name => new KillableDevice(fabric.Device(name), dead), store);
                await victim.StartAsync();
                var work = Task.Run(async () =>
                {
                    var lp = await victim.RequestAsync(new LightpathRequest { From = "cern-fdt", To = "caltech-fdt" }, "kill-test");
                    await foreach (var r in victim.WatchAsync(lp.Id))
                    {
                        if (r.State == LightpathState.Active && random.Next(2) == 0)
                        {
                            await victim.ReleaseAsync(lp.Id, "kill test");
                        }
                    }
                });
                await Task.Delay(random.Next(0, 40));
                dead.Kill();
                if (!work.IsCompleted)
                {
                    killedMidWork++;
                }

                await fabric.ReconnectAllAsync();
                _ = victim.DisposeAsync().AsTask();
                await store.Inner.DisposeAsync();

                // 2. A new controller on the same file and the same switches.
                await using var survivorStore = await SqliteLightpathStore.OpenAsync(db);
                var survivor = new LightpathService(topology, fabric.Device, survivorStore);
                await survivor.StartAsync();
                var settled = await SettleAsync(survivor);

                // 3. Device truth is exactly what the survivor records as carried by lightpaths.
                var expected = settled.SelectMany(LightpathExpected).Select(s => (s.Device, fabric.Device(s.Device).Canonical(s.Connection))).ToHashSet();
                var truth = new HashSet<(string, CrossConnect)>();
                foreach (string name in fabric.Switches)
                {
                    foreach (var state in await fabric.Device(name).ReadCrossConnectsAsync())
                    {
                        truth.Add((name, state.Connection));
                    }
                }

                Assert.True(expected.SetEquals(truth), $"trial {trial}: devices {string.Join(", ", truth)}; recorded {string.Join(", ", expected)}");
                Assert.All(settled, r => Assert.True(r.State is LightpathState.Active or LightpathState.Released or LightpathState.Failed, $"trial {trial}: {r.Id} left {r.State}"));

                // Leave the switches empty for the next trial.
                foreach (var record in settled.Where(r => r.State != LightpathState.Released))
                {
                    await survivor.ReleaseAsync(record.Id, "trial over");
                }

                await SettleAsync(survivor);
                await survivor.DisposeAsync();
                File.Delete(db);
            }

            output.WriteLine($"{Trials} trials, {killedMidWork} killed before the request's work finished");
            Assert.True(killedMidWork > 0, "no trial killed the controller mid-work");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static IEnumerable<CrossConnectStep> LightpathExpected(LightpathRecord record) =>
        record.State is LightpathState.Active or LightpathState.Failed ? LightpathService.ExpectedSteps(record) : [];

    private static async Task<IReadOnlyList<LightpathRecord>> SettleAsync(LightpathService service)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var all = service.List();
            if (all.All(r => r.State is LightpathState.Active or LightpathState.Released or LightpathState.Failed && r.PendingRemovals.IsDefaultOrEmpty))
            {
                return all;
            }

            await Task.Delay(20);
        }

        return service.List();
    }

    private sealed class KillSwitch
    {
        private volatile bool _dead;

        public bool Dead => _dead;

        public void Kill() => _dead = true;

        public void ThrowIfDead(string what)
        {
            if (_dead)
            {
                throw new DeviceException(what, "the controller process is dead");
            }
        }
    }

    private sealed class KillableDevice(ICrossConnectProgrammable inner, KillSwitch dead) : ICrossConnectProgrammable
    {
        public Task ApplyAsync(CrossConnect connection, CancellationToken cancellationToken = default)
        {
            dead.ThrowIfDead("apply");
            return inner.ApplyAsync(connection, cancellationToken);
        }

        public Task RemoveAsync(CrossConnect connection, CancellationToken cancellationToken = default)
        {
            dead.ThrowIfDead("remove");
            return inner.RemoveAsync(connection, cancellationToken);
        }

        public Task<IReadOnlyList<CrossConnectState>> ReadCrossConnectsAsync(CancellationToken cancellationToken = default)
        {
            dead.ThrowIfDead("read");
            return inner.ReadCrossConnectsAsync(cancellationToken);
        }

        public CrossConnect Canonical(CrossConnect connection) => inner.Canonical(connection);
    }

    private sealed class KillableStore(ILightpathStore inner, KillSwitch dead) : ILightpathStore
    {
        public ILightpathStore Inner => inner;

        public Task<IReadOnlyList<LightpathRecord>> LoadAsync(CancellationToken cancellationToken = default) => inner.LoadAsync(cancellationToken);

        public Task SaveAsync(LightpathRecord record, CancellationToken cancellationToken = default) =>
            dead.Dead ? Task.FromException(new IOException("the controller process is dead")) : inner.SaveAsync(record, cancellationToken);

        public Task<int> PruneReleasedAsync(DateTimeOffset before, CancellationToken cancellationToken = default) => inner.PruneReleasedAsync(before, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
