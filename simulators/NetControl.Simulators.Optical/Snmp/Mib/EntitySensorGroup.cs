using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// One optical power sensor per port: ENTITY-MIB entPhysicalTable rows (descr, class sensor(8), name) and
/// ENTITY-SENSOR-MIB (RFC 3433) entPhySensorTable rows, both indexed by entPhysicalIndex = the port's ifIndex. The
/// value is the port's monitored power (received, or transmitted for an output-only port) in tenths of a dBm:
/// entPhySensorScale units(9), entPhySensorPrecision 1, so -6.72 dBm reads -67 and no light reads the model's floor
/// (-600). entPhySensorType is <see cref="SnmpAgentOptions.PowerSensorType"/> (other(1) by default, RFC 3433 has no
/// dBm type) with entPhySensorUnitsDisplay <see cref="SnmpAgentOptions.PowerSensorUnitsDisplay"/> ("dBm"); entPhySensorOperStatus is ok(1); the value is read on demand, so
/// its timestamp is the current sysUpTime and its update rate 0.
/// </summary>
internal static class EntitySensorGroup
{
    /// <summary>PhysicalClass sensor.</summary>
    public const int SensorClass = 8;

    /// <summary>EntitySensorDataScale units.</summary>
    public const int UnitsScale = 9;

    /// <summary>Decimal places of entPhySensorValue.</summary>
    public const int Precision = 1;

    /// <summary>EntitySensorStatus ok.</summary>
    public const int StatusOk = 1;

    public static void Register(MibBuilder mib, AgentContext agent)
    {
        var rows = agent.Ports;
        var type = SnmpValue.Integer(agent.Options.PowerSensorType);
        var units = SnmpValue.OctetString(agent.Options.PowerSensorUnitsDisplay);
        mib.Column(MibOids.EntPhysicalEntry, MibOids.EntPhysicalDescr, rows, r => r.IfIndex, (r, _) => SnmpValue.OctetString($"Optical power monitor of port {r.Name}"))
            .Column(MibOids.EntPhysicalEntry, MibOids.EntPhysicalClass, rows, r => r.IfIndex, (_, _) => SnmpValue.Integer(SensorClass))
            .Column(MibOids.EntPhysicalEntry, MibOids.EntPhysicalName, rows, r => r.IfIndex, (r, _) => SnmpValue.OctetString($"{r.Name} optical power"));

        mib.Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorType, rows, r => r.IfIndex, (_, _) => type)
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorScale, rows, r => r.IfIndex, (_, _) => SnmpValue.Integer(UnitsScale))
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorPrecision, rows, r => r.IfIndex, (_, _) => SnmpValue.Integer(Precision))
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorValue, rows, r => r.IfIndex, (r, c) => SnmpValue.Integer(TenthsOfDbm(r.MonitoredPower(c.Snapshot.Power[r.Name]))))
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorOperStatus, rows, r => r.IfIndex, (_, _) => SnmpValue.Integer(StatusOk))
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorUnitsDisplay, rows, r => r.IfIndex, (_, _) => units)
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorValueTimeStamp, rows, r => r.IfIndex, (_, c) => SnmpValue.TimeTicks(agent.UpTime(c.Timestamp)))
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorValueUpdateRate, rows, r => r.IfIndex, (_, _) => SnmpValue.Gauge32(0));
    }

    /// <summary><paramref name="dbm"/> in tenths, rounded half away from zero.</summary>
    public static int TenthsOfDbm(double dbm) => (int)Math.Round(dbm * 10, MidpointRounding.AwayFromZero);
}
