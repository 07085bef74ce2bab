using System.Collections.Immutable;
using NetControl.Drivers.Snmp.Messages;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>
/// ENTITY-MIB (RFC 6933): entPhysicalTable (descr, containedIn, class, parentRelPos, name) for every physical entity,
/// and entAliasMappingTable with one row per port entity, logical index 0 (all logical entities), whose
/// entAliasMappingIdentifier is the port's ifIndex instance (1.3.6.1.2.1.2.2.1.1.&lt;ifIndex&gt;), and
/// entLastChangeTime: 0, the agent's start (sysUpTime 0), for the layout is built then and never changes at run time.
/// </summary>
internal static class PhysicalEntityGroup
{
    public static void Register(MibBuilder mib, ImmutableArray<PhysicalEntity> entities)
    {
        var lastChange = SnmpValue.TimeTicks(0);
        mib.Scalar(MibOids.EntLastChangeTime, _ => lastChange)
            .Column(MibOids.EntPhysicalEntry, MibOids.EntPhysicalDescr, entities, e => e.Index, (e, _) => SnmpValue.OctetString(e.Descr))
            .Column(MibOids.EntPhysicalEntry, MibOids.EntPhysicalContainedIn, entities, e => e.Index, (e, _) => SnmpValue.Integer(e.ContainedIn))
            .Column(MibOids.EntPhysicalEntry, MibOids.EntPhysicalClass, entities, e => e.Index, (e, _) => SnmpValue.Integer(e.Class))
            .Column(MibOids.EntPhysicalEntry, MibOids.EntPhysicalParentRelPos, entities, e => e.Index, (e, _) => SnmpValue.Integer(e.ParentRelPos))
            .Column(MibOids.EntPhysicalEntry, MibOids.EntPhysicalName, entities, e => e.Index, (e, _) => SnmpValue.OctetString(e.Name));

        var interfaces = entities.Where(e => e.InterfaceOf is not null).ToArray();
        if (interfaces.Length > 0)
        {
            mib.Column(
                MibOids.EntAliasMappingEntry,
                MibOids.EntAliasMappingIdentifier,
                interfaces,
                e => $"{e.Index}.0",
                (e, _) => SnmpValue.ObjectIdentifier($"{MibOids.Column(MibOids.IfEntry, MibOids.IfIndex)}.{e.InterfaceOf!.IfIndex}"));
        }
    }
}
