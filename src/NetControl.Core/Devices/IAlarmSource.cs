namespace NetControl.Core.Devices;

/// <summary>A device that reports alarms, pushed (TL1 REPT ALM) or found by polling (optical power).</summary>
public interface IAlarmSource
{
    /// <summary>Alarms currently active on the device.</summary>
    Task<IReadOnlyList<DeviceAlarm>> ReadActiveAlarmsAsync(CancellationToken cancellationToken = default);

    /// <summary>Alarm events as they happen, until <paramref name="cancellationToken"/> is cancelled.</summary>
    IAsyncEnumerable<DeviceEvent> WatchAsync(CancellationToken cancellationToken = default);
}
