using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using NetControl.Core.Devices;
using NetControl.Core.LinkState;
using NetControl.Core.Topology;
using NetControl.Orchestration.Persistence;
using NetControl.Orchestration.Restoration;

namespace NetControl.Orchestration.Lightpaths;

/// <summary>SKELETON: being written; the signature is final.</summary>
public sealed partial class LightpathService : ILightpathService, IDeviceEventSink, IAsyncDisposable
{
    public LightpathService(
        NetworkTopology topology,
        Func<string, ICrossConnectProgrammable> devices,
        ILightpathStore store,
        LightpathServiceOptions? options = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggers = null)
    {
        Topology = topology;
        _ = (devices, store, options, timeProvider, loggers);
        LinkState = LinkStateOverlay.For(topology);
    }

    public NetworkTopology Topology { get; }

    public LinkStateOverlay LinkState { get; }

    public bool RestorationFrozen { get; }

    public event Action<LightpathRecord>? Changed;

    /// <summary>Loads the store, reconciles recorded intent with every switch's cross-connects, and starts the timers.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<LightpathRecord> RequestAsync(LightpathRequest request, string owner, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public IReadOnlyList<LightpathRecord> List() => throw new NotImplementedException();

    public LightpathRecord Get(string id) => throw new NotImplementedException();

    public Task<LightpathRecord> ReleaseAsync(string id, string cause, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<LightpathRecord> ChangeEndAsync(string id, DateTimeOffset? end, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<LightpathRecord> RenewAsync(string id, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task<LightpathRecord> RerouteAsync(string id, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task SetRestorationFrozenAsync(bool frozen, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public async IAsyncEnumerable<LightpathRecord> WatchAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        Changed?.Invoke(Get(id));
        yield break;
    }

    public WhatIfResult WhatIf(WhatIfRequest request) => throw new NotImplementedException();

    public PathCost Cost(string from, string to) => throw new NotImplementedException();

    public void OnDeviceEvent(DeviceEvent deviceEvent) => throw new NotImplementedException();

    public void OnPortStatus(string device, string port, bool hasLight, string cause) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
