namespace NetControl.Simulators.Optical.Snmp;

/// <summary>How the agent numbers its ENTITY-MIB physical entities and so indexes its power sensors.</summary>
public enum SnmpEntityLayout
{
    /// <summary>
    /// As optical gear does: a chassis (entPhysicalIndex 1) containing one port entity per port (2 x ifIndex), each
    /// containing that port's power sensor (2 x ifIndex + 1); entAliasMappingTable maps each port entity to its
    /// ifIndex. A sensor reaches its port only through containment and the port entity's alias.
    /// </summary>
    Contained,

    /// <summary>
    /// A device without entAliasMappingTable: one sensor entity per port numbered like the port (entPhysicalIndex =
    /// ifIndex), no chassis or port entities. Pollers have to assume the numbers match.
    /// </summary>
    SensorIndexIsIfIndex,
}
