namespace NetControl.Drivers.Snmp.Monitoring;

/// <summary>
/// The dBm sensor read for one port: its entPhysicalIndex, the port's ifIndex and ifName, and the power of ten that
/// turns its entPhySensorValue into dBm (3 x (scale - 9) - precision).
/// </summary>
internal readonly record struct PowerSensor(int Entity, int IfIndex, string Port, int Exponent);
