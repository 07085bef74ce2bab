namespace NetControl.Simulators.Optical.Server;

/// <summary>
/// Where a simulated switch listens: its name (the topology node id), dialect, loopback TL1 port, and loopback UDP
/// port of its SNMP agent (null when the simulator runs without SNMP).
/// </summary>
public sealed record SwitchEndpoint(string Name, string Dialect, int Tl1Port, int? SnmpPort = null);
