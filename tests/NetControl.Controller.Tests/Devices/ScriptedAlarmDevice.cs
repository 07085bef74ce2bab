using System.Runtime.CompilerServices;
using NetControl.Core.Devices;

namespace NetControl.Controller.Tests.Devices;

/// <summary>A switch whose alarm watch fails the first <c>failures</c> times, then yields one alarm per watch and ends.</summary>
internal sealed class ScriptedAlarmDevice(string name, int failures) : ICrossConnectProgrammable, IAlarmSource
{
    private int _watches;

    public int Watches => Volatile.Read(ref _watches);

    public Task ApplyAsync(CrossConnect connection, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RemoveAsync(CrossConnect connection, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<CrossConnectState>> ReadCrossConnectsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CrossConnectState>>([]);

    public CrossConnect Canonical(CrossConnect connection) => connection;

    public Task<IReadOnlyList<DeviceAlarm>> ReadActiveAlarmsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeviceAlarm>>([]);

    public async IAsyncEnumerable<DeviceEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        if (Interlocked.Increment(ref _watches) <= failures)
        {
            throw new DeviceException(name, "connection lost (injected)", isTransient: true);
        }

        yield return new DeviceEvent.Resynchronized(name, "watch started", []);
    }
}
