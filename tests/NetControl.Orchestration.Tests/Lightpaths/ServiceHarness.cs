using NetControl.Benchmarking.Fabric;
using NetControl.Core.Devices;
using NetControl.Core.Lightpaths;
using NetControl.Core.Topology;
using NetControl.Formats;
using NetControl.Orchestration.Lightpaths;
using NetControl.Orchestration.Persistence;
using NetControl.Tests.Shared;

namespace NetControl.Orchestration.Tests.Lightpaths;

/// <summary>The lightpath service against the optical simulator of a topology, over real TL1 sessions.</summary>
internal sealed class ServiceHarness : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private ServiceHarness(SimulatedFabric fabric, LightpathService service, ILightpathStore store)
    {
        Fabric = fabric;
        Service = service;
        Store = store;
    }

    public SimulatedFabric Fabric { get; }

    public LightpathService Service { get; private set; }

    public ILightpathStore Store { get; }

    public static NetworkTopology UsLhcNet() => TopologyFile.Load(Path.Combine(SharedDataPath.RepositoryRoot(), "topology", "uslhcnet.yaml"));

    /// <param name="time">The service's clock (the switches and their sessions keep real time).</param>
    /// <param name="watchAlarms">Run the alarm watch loops (Calient autonomous alarms, Glimmerglass polling); without them a test steps the polls with <see cref="PollAsync"/>.</param>
    public static async Task<ServiceHarness> StartAsync(NetworkTopology? topology = null, LightpathServiceOptions? options = null, ILightpathStore? store = null, TimeProvider? time = null, bool watchAlarms = true, ILightpathHostConfigurer? hosts = null)
    {
        topology ??= UsLhcNet();
        var fabric = await SimulatedFabric.StartAsync(topology, new SimulatedFabricOptions { PowerPollInterval = TimeSpan.FromMilliseconds(50) });
        store ??= new InMemoryLightpathStore();
        var service = new LightpathService(topology, fabric.Device, store, options, time, hosts: hosts);
        await service.StartAsync();
        if (watchAlarms)
        {
            fabric.WatchAlarms(service);
        }

        return new ServiceHarness(fabric, service, store);
    }

    public async Task<LightpathRecord> WaitForAsync(string id, Func<LightpathRecord, bool> condition)
    {
        using var cts = new CancellationTokenSource(Wait);
        await foreach (var record in Service.WatchAsync(id, cts.Token))
        {
            if (condition(record))
            {
                return record;
            }
        }

        return Service.Get(id);
    }

    /// <summary>One poll of a switch, as its driver's watch loop makes it: a full read of its alarms, dated when the read began.</summary>
    public async Task PollAsync(string device, DateTimeOffset? readAt = null)
    {
        var began = readAt ?? DateTimeOffset.UtcNow;
        var alarms = await ((IAlarmSource)Fabric.Device(device)).ReadActiveAlarmsAsync();
        Service.OnDeviceEvent(new DeviceEvent.Resynchronized(device, "power poll", alarms, began));
    }

    public Task<LightpathRecord> WaitForStateAsync(string id, LightpathState state) => WaitForAsync(id, r => r.State == state);

    /// <summary>Every cross-connect on every switch, as device truth reports it.</summary>
    public Task<HashSet<(string Device, CrossConnect Connection)>> DeviceTruthAsync() => DeviceTruthAsync(Fabric);

    /// <summary>Every cross-connect on every switch of <paramref name="fabric"/>, as device truth reports it.</summary>
    public static async Task<HashSet<(string Device, CrossConnect Connection)>> DeviceTruthAsync(SimulatedFabric fabric)
    {
        var all = new HashSet<(string, CrossConnect)>();
        foreach (string name in fabric.Switches)
        {
            foreach (var state in await fabric.Device(name).ReadCrossConnectsAsync())
            {
                all.Add((name, state.Connection));
            }
        }

        return all;
    }

    public HashSet<(string Device, CrossConnect Connection)> Canonical(IEnumerable<NetControl.Core.Lightpaths.Provisioning.CrossConnectStep> steps) =>
        steps.Select(s => (s.Device, Fabric.Device(s.Device).Canonical(s.Connection))).ToHashSet();

    public async ValueTask DisposeAsync()
    {
        await Service.DisposeAsync();
        await Fabric.DisposeAsync();
        await Store.DisposeAsync();
    }
}
