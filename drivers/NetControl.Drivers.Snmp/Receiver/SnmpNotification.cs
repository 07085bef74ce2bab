using System.Collections.Immutable;
using System.Net;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Drivers.Snmp.Receiver;

/// <summary>
/// A notification received (SNMPv2-Trap or InformRequest): who sent it, how (version, community or v3 user and the
/// sender's engine id), its sysUpTime and snmpTrapOID, and the varbinds after those two.
/// </summary>
public sealed record SnmpNotification(
    IPEndPoint Source,
    SnmpVersion Version,
    string Principal,
    ImmutableArray<byte> EngineId,
    bool IsInform,
    uint UpTime,
    string TrapOid,
    ImmutableArray<VarBind> VarBinds)
{
    /// <summary>
    /// True for linkDown/linkUp (RFC 2863): <paramref name="ifIndex"/> from the ifIndex varbind (or the last arc of
    /// ifOperStatus.N / ifAdminStatus.N), <paramref name="up"/> true for linkUp.
    /// </summary>
    public bool TryGetLinkChange(out int ifIndex, out bool up)
    {
        ifIndex = 0;
        up = TrapOid == WellKnownOids.LinkUp;
        if (!up && TrapOid != WellKnownOids.LinkDown)
        {
            return false;
        }

        foreach (var vb in VarBinds)
        {
            if (Oid.IsUnder(vb.Oid, WellKnownOids.IfIndex) && vb.Value.Type == SnmpValueType.Integer)
            {
                ifIndex = vb.Value.AsInt32();
                return true;
            }

            if ((Oid.IsUnder(vb.Oid, WellKnownOids.IfOperStatus) || Oid.IsUnder(vb.Oid, WellKnownOids.IfAdminStatus))
                && int.TryParse(vb.Oid[(vb.Oid.LastIndexOf('.') + 1)..], System.Globalization.CultureInfo.InvariantCulture, out int index))
            {
                ifIndex = index;
                return true;
            }
        }

        return false;
    }
}
