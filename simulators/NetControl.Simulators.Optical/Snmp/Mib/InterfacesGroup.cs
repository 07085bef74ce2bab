using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// IF-MIB: ifNumber, and one ifTable / ifXTable row per port in topology order (ifIndex 1..n). ifType is
/// opticalChannel(195) for every port; ifAdminStatus is the topology's state and read-only (the model cannot take a
/// port out of service at run time); ifOperStatus is up(1) when the port is administratively up and its monitored
/// light (received, or transmitted for an output-only port) is at or above the no-light threshold, else down(2).
/// ifSpeed / ifHighSpeed give the nominal rate; ifInOctets / ifOutOctets and their 64-bit ifHC versions count at the
/// nominal rate times the utilisation while each direction carries light. ifName is the port name, ifAlias the id of
/// the topology link on the port.
/// </summary>
internal static class InterfacesGroup
{
    /// <summary>IANAifType opticalChannel.</summary>
    public const int OpticalChannel = 195;

    public static void Register(MibBuilder mib, AgentContext agent)
    {
        var rows = agent.Ports;
        double rate = agent.Options.NominalRateBitsPerSecond;
        var speed = SnmpValue.Gauge32((uint)Math.Clamp(rate, 0, uint.MaxValue));
        var highSpeed = SnmpValue.Gauge32((uint)Math.Clamp(Math.Round(rate / 1e6), 0, uint.MaxValue));
        string dialect = agent.Switch.Dialect.ToString();

        mib.Scalar(MibOids.IfNumber, _ => SnmpValue.Integer(rows.Length));
        mib.Column(MibOids.IfEntry, MibOids.IfIndex, rows, r => r.IfIndex, (r, _) => SnmpValue.Integer(r.IfIndex))
            .Column(MibOids.IfEntry, MibOids.IfDescr, rows, r => r.IfIndex, (r, _) => SnmpValue.OctetString($"{dialect} {r.DirectionName} port {r.Name}"))
            .Column(MibOids.IfEntry, MibOids.IfType, rows, r => r.IfIndex, (_, _) => SnmpValue.Integer(OpticalChannel))
            .Column(MibOids.IfEntry, MibOids.IfSpeed, rows, r => r.IfIndex, (_, _) => speed)
            .Column(MibOids.IfEntry, MibOids.IfAdminStatus, rows, r => r.IfIndex, (r, _) => Status(r.AdminUp))
            .Column(MibOids.IfEntry, MibOids.IfOperStatus, rows, r => r.IfIndex, (r, c) => Status(r.IsOperUp(c.Snapshot.Power[r.Name], c.Snapshot.NoLightThresholdDbm)))
            .Column(MibOids.IfEntry, MibOids.IfLastChange, rows, r => r.IfIndex, (r, _) => SnmpValue.TimeTicks(r.LastChange))
            .Column(MibOids.IfEntry, MibOids.IfInOctets, rows, r => r.IfIndex, (r, c) => SnmpValue.Counter32(unchecked((uint)r.Count(c.Snapshot, c.Timestamp).In)))
            .Column(MibOids.IfEntry, MibOids.IfOutOctets, rows, r => r.IfIndex, (r, c) => SnmpValue.Counter32(unchecked((uint)r.Count(c.Snapshot, c.Timestamp).Out)));

        mib.Column(MibOids.IfXEntry, MibOids.IfName, rows, r => r.IfIndex, (r, _) => SnmpValue.OctetString(r.Name))
            .Column(MibOids.IfXEntry, MibOids.IfHcInOctets, rows, r => r.IfIndex, (r, c) => SnmpValue.Counter64(r.Count(c.Snapshot, c.Timestamp).In))
            .Column(MibOids.IfXEntry, MibOids.IfHcOutOctets, rows, r => r.IfIndex, (r, c) => SnmpValue.Counter64(r.Count(c.Snapshot, c.Timestamp).Out))
            .Column(MibOids.IfXEntry, MibOids.IfHighSpeed, rows, r => r.IfIndex, (_, _) => highSpeed)
            .Column(MibOids.IfXEntry, MibOids.IfAlias, rows, r => r.IfIndex, (r, _) => SnmpValue.OctetString(r.Link));
    }

    /// <summary>up(1) or down(2), the values of ifAdminStatus and ifOperStatus used here.</summary>
    public static SnmpValue Status(bool up) => SnmpValue.Integer(up ? 1 : 2);
}
