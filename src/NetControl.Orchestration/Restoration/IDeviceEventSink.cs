using NetControl.Core.Devices;

namespace NetControl.Orchestration.Restoration;

/// <summary>
/// Where device observations enter the controller: TL1 alarms and resynchronisations (Calient autonomous messages,
/// Glimmerglass power polling) and port status from SNMP linkDown/linkUp traps. Implementations correlate them into
/// link state and never block the caller.
/// </summary>
public interface IDeviceEventSink
{
    /// <summary>An alarm raised or cleared, or a resynchronisation listing every active alarm of a device.</summary>
    void OnDeviceEvent(DeviceEvent deviceEvent);

    /// <summary>A port of <paramref name="device"/> gained or lost light (for example an SNMP linkUp/linkDown trap).</summary>
    void OnPortStatus(string device, string port, bool hasLight, string cause);
}
