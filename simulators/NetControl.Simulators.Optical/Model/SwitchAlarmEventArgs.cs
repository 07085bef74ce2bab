using NetControl.Core.Devices;

namespace NetControl.Simulators.Optical.Model;

/// <summary>An alarm raised on, or cleared from (<see cref="DeviceAlarm.IsCleared"/>), a simulated switch.</summary>
public sealed class SwitchAlarmEventArgs(DeviceAlarm alarm) : EventArgs
{
    public DeviceAlarm Alarm { get; } = alarm;
}
