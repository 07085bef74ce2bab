using System.Collections.Immutable;

namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>The physical entities of one switch's agent, in entPhysicalIndex order, laid out as <see cref="SnmpAgentOptions.EntityLayout"/> says.</summary>
internal static class PhysicalEntities
{
    /// <summary>entPhysicalIndex of the chassis (<see cref="SnmpEntityLayout.Contained"/>).</summary>
    public const int Chassis = 1;

    /// <summary>entPhysicalIndex of the port entity of ifIndex <paramref name="ifIndex"/> (<see cref="SnmpEntityLayout.Contained"/>).</summary>
    public static int PortOf(int ifIndex) => 2 * ifIndex;

    /// <summary>entPhysicalIndex of the power sensor of ifIndex <paramref name="ifIndex"/> under <paramref name="layout"/>.</summary>
    public static int SensorOf(int ifIndex, SnmpEntityLayout layout) => layout == SnmpEntityLayout.Contained ? (2 * ifIndex) + 1 : ifIndex;

    public static ImmutableArray<PhysicalEntity> Of(AgentContext agent)
    {
        var layout = agent.Options.EntityLayout;
        if (layout == SnmpEntityLayout.SensorIndexIsIfIndex)
        {
            return [.. agent.Ports.Select(r => Sensor(r, layout, containedIn: 0))];
        }

        var sw = agent.Switch;
        var chassis = new PhysicalEntity(Chassis, PhysicalEntity.ChassisClass, 0, -1, $"NetControl simulated {sw.Dialect} photonic switch", sw.Name);
        return
        [
            chassis,
            .. agent.Ports.SelectMany(r => new[]
            {
                new PhysicalEntity(PortOf(r.IfIndex), PhysicalEntity.PortClass, Chassis, r.IfIndex, $"{sw.Dialect} {r.DirectionName} port {r.Name}", r.Name, InterfaceOf: r),
                Sensor(r, layout, PortOf(r.IfIndex)),
            }),
        ];
    }

    private static PhysicalEntity Sensor(PortRow row, SnmpEntityLayout layout, int containedIn) =>
        new(
            SensorOf(row.IfIndex, layout),
            PhysicalEntity.SensorClass,
            containedIn,
            containedIn == 0 ? -1 : 1,
            $"{(row.CanReceive ? "Receive" : "Transmit")} power monitor of port {row.Name}",
            $"{row.Name} {(row.CanReceive ? "Rx" : "Tx")} power",
            SensorOf: row);
}
