using Microsoft.Extensions.Logging.Abstractions;
using NetControl.Controller.Devices;
using NetControl.Core.Devices;
using NetControl.Orchestration.Restoration;
using NetControl.Tests.Shared;

namespace NetControl.Controller.Tests.Devices;

public sealed class AlarmWatcherTests
{
    [Fact]
    public async Task Watch_SourceFailsTwice_KeepsWatchingAndDelivers()
    {
        var device = new ScriptedAlarmDevice("CHI-PXC", failures: 2);
        var sink = new RecordingSink();
        await using var connection = DeviceTestConnections.Create("CHI-PXC", device);

        await using (var watcher = new AlarmWatcher([(connection.Name, connection.Alarms!)], sink, NullLogger<AlarmWatcher>.Instance, TimeProvider.System, TimeSpan.FromMilliseconds(10)))
        {
            Assert.Equal(1, watcher.Count);
            await Eventually.TrueAsync(() => !sink.Events.IsEmpty);
        }

        Assert.True(device.Watches >= 3);
        Assert.Equal("CHI-PXC", sink.Events.First().Device);
    }

    [Fact]
    public async Task Watch_SinkThrows_LoopSurvives()
    {
        var device = new ScriptedAlarmDevice("GVA-GG", failures: 0);
        var sink = new RecordingSink();
        sink.FailNext(3);
        await using var connection = DeviceTestConnections.Create("GVA-GG", device);

        await using (new AlarmWatcher([(connection.Name, connection.Alarms!)], sink, NullLogger<AlarmWatcher>.Instance, TimeProvider.System, TimeSpan.FromMilliseconds(10)))
        {
            await Eventually.TrueAsync(() => sink.Events.Count >= 2);
        }

        Assert.All(sink.Events, e => Assert.IsType<DeviceEvent.Resynchronized>(e));
    }

    [Fact]
    public async Task Dispose_WhileWatching_Stops()
    {
        var device = new ScriptedAlarmDevice("GVA-GG", failures: int.MaxValue);
        await using var connection = DeviceTestConnections.Create("GVA-GG", device);
        var watcher = new AlarmWatcher([(connection.Name, connection.Alarms!)], new RecordingSink(), NullLogger<AlarmWatcher>.Instance, TimeProvider.System, TimeSpan.FromMilliseconds(10));
        await Eventually.TrueAsync(() => device.Watches > 1);

        await watcher.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
