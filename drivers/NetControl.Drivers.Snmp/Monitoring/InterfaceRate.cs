namespace NetControl.Drivers.Snmp.Monitoring;

/// <summary>Traffic on one interface between two polls, in bits per second, and the end of that interval.</summary>
public sealed record InterfaceRate(string Device, string Port, int IfIndex, double InBitsPerSecond, double OutBitsPerSecond, TimeSpan Interval, DateTimeOffset At);
