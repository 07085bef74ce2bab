using System.Collections.Immutable;
using NetControl.Drivers.Snmp.Security;

namespace NetControl.Simulators.Optical.Snmp;

/// <summary>
/// How the SNMP agent of every simulated switch behaves. One instance serves all switches of a simulator; each
/// switch has its own engine id (from its name), clock, counters and notifications.
/// </summary>
public sealed record SnmpAgentOptions
{
    /// <summary>
    /// UDP port of the first switch's agent on 127.0.0.1; switch i (topology order) listens on BasePort + i. 0 (the
    /// default) lets the system pick a free port for each.
    /// </summary>
    public int BasePort { get; init; }

    /// <summary>v2c community allowed to read (GET, GETNEXT, GETBULK). Other communities are dropped and counted.</summary>
    public string ReadCommunity { get; init; } = "public";

    /// <summary>v2c community allowed to read and SET; SET with <see cref="ReadCommunity"/> is answered noAccess.</summary>
    public string WriteCommunity { get; init; } = "private";

    /// <summary>SNMPv3 USM users; each may read and write at its own security level (or above).</summary>
    public ImmutableArray<UsmUser> Users { get; init; } = [];

    /// <summary>Receivers of linkDown / linkUp notifications.</summary>
    public ImmutableArray<SnmpTrapTarget> TrapTargets { get; init; } = [];

    /// <summary>snmpEngineBoots of every agent (a simulator restart would bump it on a real device).</summary>
    public int EngineBoots { get; init; } = 1;

    /// <summary>
    /// Largest message the agent sends, in octets (the default fits an Ethernet frame unfragmented, as net-snmp's
    /// agent). A larger GET/GETNEXT/SET response becomes tooBig; a GETBULK response is cut to what fits. For v3 the
    /// requester's msgMaxSize applies when smaller.
    /// </summary>
    public int MaxMessageSize { get; init; } = 1472;

    /// <summary>sysContact.0 at start (writable).</summary>
    public string Contact { get; init; } = "NetControl simulator";

    /// <summary>sysLocation.0 at start (writable); null: the node's site, else its label, else its id.</summary>
    public string? Location { get; init; }

    /// <summary>
    /// sysObjectID.0. No enterprise OID is registered for the simulator, so the default is zeroDotZero (0.0); set a
    /// vendor's OID when a poller identifies devices by it.
    /// </summary>
    public string SysObjectId { get; init; } = "0.0";

    /// <summary>Nominal rate of every port (ifSpeed, ifHighSpeed) in bit/s.</summary>
    public double NominalRateBitsPerSecond { get; init; } = 10e9;

    /// <summary>Share of the nominal rate a port carrying light counts into ifHCInOctets / ifHCOutOctets (0..1).</summary>
    public double Utilisation { get; init; } = 0.5;

    /// <summary>
    /// Count octets only where light passes through the switch: a direction counts while it carries light and the
    /// port is in a cross-connect (received light that a connection takes on, transmitted light a connection drives),
    /// so a port lit by a host transmitter that goes nowhere (no lightpath yet) counts nothing, and every port of a
    /// lit lightpath counts at <see cref="NominalRateBitsPerSecond"/> x <see cref="Utilisation"/>. Off (the default):
    /// every direction carrying light counts.
    /// </summary>
    public bool CountThroughTrafficOnly { get; init; }

    /// <summary>
    /// entPhySensorType of the optical power sensors. RFC 3433's EntitySensorDataType has no dBm (its values end at
    /// truthvalue(12); dBm(14) belongs to CISCO-ENTITY-SENSOR-MIB), so the default is other(1) with
    /// entPhySensorUnitsDisplay "dBm". Set 14 for pollers that expect Cisco's value.
    /// </summary>
    public int PowerSensorType { get; init; } = 1;

    /// <summary>
    /// entPhySensorUnitsDisplay of the optical power sensors ("dBm" by default). Another text, with
    /// <see cref="PowerSensorType"/> 14, models a device that marks its dBm sensors by type only.
    /// </summary>
    public string PowerSensorUnitsDisplay { get; init; } = "dBm";

    /// <summary>
    /// How the ENTITY-MIB numbers the chassis, ports and power sensors: <see cref="SnmpEntityLayout.Contained"/> (the
    /// default, sensors inside port entities mapped to interfaces by entAliasMappingTable) or
    /// <see cref="SnmpEntityLayout.SensorIndexIsIfIndex"/> (sensors only, numbered by ifIndex, no alias table).
    /// </summary>
    public SnmpEntityLayout EntityLayout { get; init; } = SnmpEntityLayout.Contained;

    /// <summary>How often the agent looks at its ports' light to notice ifOperStatus changes (linkDown / linkUp).</summary>
    public TimeSpan LinkPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an inform waits for its acknowledgment before it is sent again.</summary>
    public TimeSpan InformTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many times an unacknowledged inform is sent again before it is given up.</summary>
    public int InformRetries { get; init; } = 3;

    /// <summary>Log communities and user names of refused requests as received (off: redacted).</summary>
    public bool LogSensitiveData { get; init; }
}
