using NetControl.Simulators.Optical.Snmp.Mib;

namespace NetControl.Simulators.Optical.Snmp.Notifications;

/// <summary>An ifOperStatus change the agent noticed: the port, its new state and sysUpTime at that moment.</summary>
internal sealed record LinkChange(PortRow Row, bool Up, uint UpTime);
