using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// SNMPv2-MIB system group: sysDescr ("NetControl simulated &lt;dialect&gt; photonic switch &lt;name&gt;"),
/// sysObjectID (<see cref="SnmpAgentOptions.SysObjectId"/>), sysUpTime (since the agent started, from its clock),
/// sysContact and sysLocation (writable DisplayStrings), sysName (the switch name).
/// </summary>
internal static class SystemGroup
{
    public static void Register(MibBuilder mib, AgentContext agent)
    {
        var sw = agent.Switch;
        var descr = SnmpValue.OctetString($"NetControl simulated {sw.Dialect} photonic switch {sw.Name}");
        var objectId = SnmpValue.ObjectIdentifier(agent.Options.SysObjectId);
        var name = SnmpValue.OctetString(sw.Name);
        mib.Scalar(MibOids.SysDescr, _ => descr)
            .Scalar(MibOids.SysObjectId, _ => objectId)
            .Scalar(MibOids.SysUpTime, c => SnmpValue.TimeTicks(agent.UpTime(c.Timestamp)))
            .Scalar(MibOids.SysContact, _ => SnmpValue.OctetString(agent.System.Contact), DisplayStrings.Writer(v => agent.System.Contact = v))
            .Scalar(MibOids.SysName, _ => name)
            .Scalar(MibOids.SysLocation, _ => SnmpValue.OctetString(agent.System.Location), DisplayStrings.Writer(v => agent.System.Location = v));
    }
}
