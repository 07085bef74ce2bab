using System.Collections.Immutable;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// ENTITY-SENSOR-MIB (RFC 3433) entPhySensorTable: one optical power sensor per port, indexed by the sensor entity's
/// entPhysicalIndex (see <see cref="PhysicalEntities"/>: 2 x ifIndex + 1, inside the port's entity, by default). The
/// value is the port's monitored power (received, or transmitted for an output-only port) in tenths of a dBm:
/// entPhySensorScale units(9), entPhySensorPrecision 1, so -6.72 dBm reads -67 and no light reads the model's floor
/// (-600). entPhySensorType is <see cref="SnmpAgentOptions.PowerSensorType"/> (other(1) by default, RFC 3433 has no
/// dBm type) with entPhySensorUnitsDisplay <see cref="SnmpAgentOptions.PowerSensorUnitsDisplay"/> ("dBm"); entPhySensorOperStatus is ok(1); the value is read on demand, so
/// its timestamp is the current sysUpTime and its update rate 0.
/// </summary>
internal static class EntitySensorGroup
{
    /// <summary>EntitySensorDataScale units.</summary>
    public const int UnitsScale = 9;

    /// <summary>Decimal places of entPhySensorValue.</summary>
    public const int Precision = 1;

    /// <summary>EntitySensorStatus ok.</summary>
    public const int StatusOk = 1;

    public static void Register(MibBuilder mib, AgentContext agent, ImmutableArray<PhysicalEntity> entities)
    {
        var rows = entities.Where(e => e.SensorOf is not null).Select(e => (e.Index, Port: e.SensorOf!)).ToArray();
        var type = SnmpValue.Integer(agent.Options.PowerSensorType);
        var units = SnmpValue.OctetString(agent.Options.PowerSensorUnitsDisplay);
        mib.Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorType, rows, r => r.Index, (_, _) => type)
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorScale, rows, r => r.Index, (_, _) => SnmpValue.Integer(UnitsScale))
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorPrecision, rows, r => r.Index, (_, _) => SnmpValue.Integer(Precision))
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorValue, rows, r => r.Index, (r, c) => SnmpValue.Integer(TenthsOfDbm(r.Port.MonitoredPower(c.Snapshot.Power[r.Port.Name]))))
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorOperStatus, rows, r => r.Index, (_, _) => SnmpValue.Integer(StatusOk))
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorUnitsDisplay, rows, r => r.Index, (_, _) => units)
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorValueTimeStamp, rows, r => r.Index, (_, c) => SnmpValue.TimeTicks(agent.UpTime(c.Timestamp)))
            .Column(MibOids.EntPhySensorEntry, MibOids.EntPhySensorValueUpdateRate, rows, r => r.Index, (_, _) => SnmpValue.Gauge32(0));
    }

    /// <summary><paramref name="dbm"/> in tenths, rounded half away from zero.</summary>
    public static int TenthsOfDbm(double dbm) => (int)Math.Round(dbm * 10, MidpointRounding.AwayFromZero);
}
