namespace NetControl.Core.Devices;

/// <summary>What an <see cref="IAlarmSource"/> reports: an alarm raised or cleared, or a full read of the alarms active.</summary>
public abstract record DeviceEvent(string Device)
{
    /// <summary>
    /// An alarm raised or cleared, reported by the device as it happened (an edge): a loss of light reported this way
    /// means light was there before.
    /// </summary>
    public sealed record Alarm(DeviceAlarm Value) : DeviceEvent(Value.Device);

    /// <summary>
    /// A full read of the device: <see cref="ActiveAlarms"/> is every alarm active when the read began
    /// (<see cref="ReadAt"/>, when known), and nothing else is. Sent after notifications may have been lost (an ATAG
    /// gap, a reconnect), at the start of a watch, and on every poll of a source that polls. A level, not an edge: a
    /// port listed dark says nothing about whether light was ever there. <see cref="ChangesFollow"/>: the source reports
    /// every change after this read as an <see cref="Alarm"/> (a Calient session, SNMP traps), so what it read holds
    /// until then; false for a poll, whose read holds only as of <see cref="ReadAt"/>.
    /// </summary>
    public sealed record Resynchronized(string Device, string Reason, IReadOnlyList<DeviceAlarm> ActiveAlarms, DateTimeOffset? ReadAt = null, bool ChangesFollow = false) : DeviceEvent(Device);
}
