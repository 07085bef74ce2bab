namespace NetControl.Simulators.Optical.Snmp.Mib;

/// <summary>The object identifiers the simulated switch's MIB serves (numeric; no MIB files are needed anywhere).</summary>
internal static class MibOids
{
    /// <summary>SNMPv2-MIB system group (RFC 3418).</summary>
    public const string System = "1.3.6.1.2.1.1";
    public const string SysDescr = "1.3.6.1.2.1.1.1";
    public const string SysObjectId = "1.3.6.1.2.1.1.2";
    public const string SysUpTime = "1.3.6.1.2.1.1.3";
    public const string SysContact = "1.3.6.1.2.1.1.4";
    public const string SysName = "1.3.6.1.2.1.1.5";
    public const string SysLocation = "1.3.6.1.2.1.1.6";

    /// <summary>IF-MIB (RFC 2863): ifNumber and the ifTable entry (columns appended).</summary>
    public const string IfNumber = "1.3.6.1.2.1.2.1";
    public const string IfEntry = "1.3.6.1.2.1.2.2.1";
    public const int IfIndex = 1;
    public const int IfDescr = 2;
    public const int IfType = 3;
    public const int IfSpeed = 5;
    public const int IfAdminStatus = 7;
    public const int IfOperStatus = 8;
    public const int IfLastChange = 9;
    public const int IfInOctets = 10;
    public const int IfOutOctets = 16;

    /// <summary>IF-MIB ifXTable entry (columns appended).</summary>
    public const string IfXEntry = "1.3.6.1.2.1.31.1.1.1";
    public const int IfName = 1;
    public const int IfHcInOctets = 6;
    public const int IfHcOutOctets = 10;
    public const int IfHighSpeed = 15;
    public const int IfAlias = 18;

    /// <summary>ENTITY-MIB (RFC 6933) entPhysicalTable entry: descr .2, containedIn .4, class .5, parentRelPos .6, name .7.</summary>
    public const string EntPhysicalEntry = "1.3.6.1.2.1.47.1.1.1.1";
    public const int EntPhysicalDescr = 2;
    public const int EntPhysicalContainedIn = 4;
    public const int EntPhysicalClass = 5;
    public const int EntPhysicalParentRelPos = 6;
    public const int EntPhysicalName = 7;

    /// <summary>ENTITY-MIB entAliasMappingTable entry, indexed by entPhysicalIndex and entAliasLogicalIndexOrZero: identifier .2.</summary>
    public const string EntAliasMappingEntry = "1.3.6.1.2.1.47.1.3.2.1";
    public const int EntAliasMappingIdentifier = 2;

    /// <summary>ENTITY-MIB entLastChangeTime (scalar): sysUpTime when the entity tables last changed.</summary>
    public const string EntLastChangeTime = "1.3.6.1.2.1.47.1.4.1";

    /// <summary>ENTITY-SENSOR-MIB (RFC 3433) entPhySensorTable entry, indexed by entPhysicalIndex: columns 1 to 8.</summary>
    public const string EntPhySensorEntry = "1.3.6.1.2.1.99.1.1.1";
    public const int EntPhySensorType = 1;
    public const int EntPhySensorScale = 2;
    public const int EntPhySensorPrecision = 3;
    public const int EntPhySensorValue = 4;
    public const int EntPhySensorOperStatus = 5;
    public const int EntPhySensorUnitsDisplay = 6;
    public const int EntPhySensorValueTimeStamp = 7;
    public const int EntPhySensorValueUpdateRate = 8;

    /// <summary>SNMPv2-MIB snmp group counters (RFC 3418).</summary>
    public const string SnmpInPkts = "1.3.6.1.2.1.11.1";
    public const string SnmpInBadVersions = "1.3.6.1.2.1.11.3";
    public const string SnmpInBadCommunityNames = "1.3.6.1.2.1.11.4";
    public const string SnmpInBadCommunityUses = "1.3.6.1.2.1.11.5";
    public const string SnmpInAsnParseErrs = "1.3.6.1.2.1.11.6";
    public const string SnmpSilentDrops = "1.3.6.1.2.1.11.31";

    /// <summary>SNMP-FRAMEWORK-MIB snmpEngine group (RFC 3411).</summary>
    public const string SnmpEngineId = "1.3.6.1.6.3.10.2.1.1";
    public const string SnmpEngineBoots = "1.3.6.1.6.3.10.2.1.2";
    public const string SnmpEngineTime = "1.3.6.1.6.3.10.2.1.3";
    public const string SnmpEngineMaxMessageSize = "1.3.6.1.6.3.10.2.1.4";

    /// <summary>SNMP-MPD-MIB (RFC 3412) counters.</summary>
    public const string SnmpUnknownPduHandlers = "1.3.6.1.6.3.11.2.1.3";

    /// <summary>SNMP-USER-BASED-SM-MIB (RFC 3414) usmStats counters; a Report carries one of them.</summary>
    public const string UsmStatsUnsupportedSecLevels = "1.3.6.1.6.3.15.1.1.1";
    public const string UsmStatsNotInTimeWindows = "1.3.6.1.6.3.15.1.1.2";
    public const string UsmStatsUnknownUserNames = "1.3.6.1.6.3.15.1.1.3";
    public const string UsmStatsUnknownEngineIds = "1.3.6.1.6.3.15.1.1.4";
    public const string UsmStatsWrongDigests = "1.3.6.1.6.3.15.1.1.5";
    public const string UsmStatsDecryptionErrors = "1.3.6.1.6.3.15.1.1.6";

    /// <summary>SNMP-TARGET-MIB snmpUnknownContexts (RFC 3413).</summary>
    public const string SnmpUnknownContexts = "1.3.6.1.6.3.12.1.5";

    /// <summary>Notification varbinds and OIDs (RFC 3418, RFC 2863).</summary>
    public const string SnmpTrapOid = "1.3.6.1.6.3.1.1.4.1.0";
    public const string SysUpTimeInstance = "1.3.6.1.2.1.1.3.0";
    public const string LinkDown = "1.3.6.1.6.3.1.1.5.3";
    public const string LinkUp = "1.3.6.1.6.3.1.1.5.4";

    /// <summary>zeroDotZero: the default sysObjectID (no enterprise OID is registered for the simulator).</summary>
    public const string ZeroDotZero = "0.0";

    /// <summary><paramref name="entry"/>.<paramref name="column"/>: a column of a table entry.</summary>
    public static string Column(string entry, int column) => $"{entry}.{column}";

    /// <summary>The instance of scalar <paramref name="scalar"/>.</summary>
    public static string Instance(string scalar) => scalar + ".0";
}
