using System.Collections.Immutable;
using NetControl.Drivers.Snmp.Messages;
using NetControl.Simulators.Optical.Snmp.Mib;

namespace NetControl.Simulators.Optical.Snmp.Notifications;

/// <summary>
/// A linkDown or linkUp notification (IF-MIB, RFC 2863) as its varbinds: sysUpTime.0 and snmpTrapOID.0 first
/// (RFC 3416 4.2.6), then ifIndex, ifAdminStatus and ifOperStatus of the port.
/// </summary>
internal sealed record Notification(string Name, int IfIndex, ImmutableArray<VarBind> VarBinds)
{
    public static Notification Of(LinkChange change)
    {
        var row = change.Row;
        string trapOid = change.Up ? MibOids.LinkUp : MibOids.LinkDown;
        return new Notification(
            change.Up ? "linkUp" : "linkDown",
            row.IfIndex,
            [
                new VarBind(MibOids.SysUpTimeInstance, SnmpValue.TimeTicks(change.UpTime)),
                new VarBind(MibOids.SnmpTrapOid, SnmpValue.ObjectIdentifier(trapOid)),
                new VarBind($"{MibOids.Column(MibOids.IfEntry, MibOids.IfIndex)}.{row.IfIndex}", SnmpValue.Integer(row.IfIndex)),
                new VarBind($"{MibOids.Column(MibOids.IfEntry, MibOids.IfAdminStatus)}.{row.IfIndex}", InterfacesGroup.Status(row.AdminUp)),
                new VarBind($"{MibOids.Column(MibOids.IfEntry, MibOids.IfOperStatus)}.{row.IfIndex}", InterfacesGroup.Status(change.Up)),
            ]);
    }
}
