namespace NetControl.Core.Devices;

/// <summary>What an <see cref="IAlarmSource"/> reports: an alarm, or that the source lost track and re-read the device.</summary>
public abstract record DeviceEvent(string Device)
{
    /// <summary>An alarm raised or cleared.</summary>
    public sealed record Alarm(DeviceAlarm Value) : DeviceEvent(Value.Device);

    /// <summary>
    /// Notifications may have been lost (an ATAG gap, a reconnect): the source re-read the device and
    /// <see cref="ActiveAlarms"/> is what is active now; consumers should reconcile their state against it.
    /// </summary>
    public sealed record Resynchronized(string Device, string Reason, IReadOnlyList<DeviceAlarm> ActiveAlarms) : DeviceEvent(Device);
}
